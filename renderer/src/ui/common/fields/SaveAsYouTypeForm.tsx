import type { ReactNode } from 'react';

/**
 * A form whose fields are saved as they change, so it has nothing to submit: Enter in a field
 * must not reload the page, and the browser's own validation bubbles stay off (each field says
 * what is wrong with it).
 */
export function SaveAsYouTypeForm({
  className,
  children,
}: {
  className: string;
  children: ReactNode;
}) {
  return (
    <form className={className} onSubmit={(event) => event.preventDefault()} noValidate>
      {children}
    </form>
  );
}
