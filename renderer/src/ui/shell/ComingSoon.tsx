import type { ReactNode } from 'react';
import { Page } from './Page';

export interface ComingSoonProps {
  title: string;
  /** One or two sentences on what the page will do. */
  children: ReactNode;
}

/** A page whose feature is not built yet, saying plainly what it will do. */
export function ComingSoon({ title, children }: ComingSoonProps) {
  return (
    <Page title={title}>
      <div className="callout callout--info">
        <p className="callout__title">Coming soon</p>
        <p>{children}</p>
      </div>
    </Page>
  );
}
