/**
 * jsdom 27 has neither DragEvent nor DataTransfer, so a mouse drag is played here as the browser
 * fires it: `dragstart` on the dragged element, `dragover` and then (if a dragover handler
 * accepted it by cancelling) `drop` on the target, all sharing one data store, then `dragend`.
 * Only the parts of DataTransfer the app uses are imitated: setData/getData, types and the
 * effects.
 */
import { userAction } from './dom';

class DataStore {
  private readonly data = new Map<string, string>();
  dropEffect = 'none';
  effectAllowed = 'uninitialized';
  get types(): string[] {
    return [...this.data.keys()];
  }
  setData(type: string, value: string): void {
    this.data.set(type.toLowerCase(), value);
  }
  getData(type: string): string {
    return this.data.get(type.toLowerCase()) ?? '';
  }
}

function fire(target: Element, type: string, dataTransfer: DataStore): boolean {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  return target.dispatchEvent(event);
}

/**
 * Drags `source` onto `target`. Returns whether it was dropped (a dragover handler accepted it);
 * `preset` puts data in the drag as another application would, for drags that are not ours.
 */
export async function dragAndDrop(
  source: Element | null,
  target: Element,
  preset: Record<string, string> = {},
): Promise<boolean> {
  const dataTransfer = new DataStore();
  for (const [type, value] of Object.entries(preset)) dataTransfer.setData(type, value);
  let dropped = false;
  await userAction(() => {
    if (source) fire(source, 'dragstart', dataTransfer);
    const accepted = !fire(target, 'dragover', dataTransfer);
    if (accepted) {
      fire(target, 'drop', dataTransfer);
      dropped = true;
    }
    if (source) fire(source, 'dragend', dataTransfer);
  });
  return dropped;
}
