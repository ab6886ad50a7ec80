import { Announcer as CommonAnnouncer } from '../common/Announcer';

export { useAnnouncement, type Announcement } from '../common/Announcer';

/** The planner's visually hidden live region. */
export function Announcer({ message }: { message: string }) {
  return <CommonAnnouncer message={message} className="ontario-show-for-sr" />;
}
