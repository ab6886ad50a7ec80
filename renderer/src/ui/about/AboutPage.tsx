import { useEffect, useState } from 'react';
import type { AppInfo } from '../../host/Host';
import { useHost } from '../common/HostContext';
import { Page } from '../common/Page';

const HOST_NAMES: Record<AppInfo['host'], string> = {
  electron: 'Desktop app',
  browser: 'Browser edition',
};

/** What the toolkit is, where it comes from, and the facts needed for support. */
export function AboutPage() {
  const host = useHost();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.appInfo().then(
      (result) => live && setInfo(result),
      (failure: unknown) =>
        live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  return (
    <Page title="About">
      <p className="lead">
        OnMuni Toolkit helps the people who run Ontario’s municipal governments (council members,
        chief administrative officers, clerks and IT staff) plan their move to digital services. It
        gathers the report’s key issues, opportunities and recommendations, case studies from
        Ontario municipalities and a step-by-step guide in one searchable library. You can add your
        own notes, plan projects and run workshops, and it all works without an internet connection.
      </p>
      <p>
        Its content is drawn from{' '}
        <cite>
          #OnMuni Online: Towards Digital Transformation and Opportunities for Ontario’s Municipal
          Governments
        </cite>
        , the report published in August 2017 by the Association of Municipalities of Ontario (AMO)
        and its Digital Government Task Force. This toolkit is not a Government of Ontario product.
      </p>

      <h2>This copy</h2>
      {error && <p role="alert">The app’s details could not be read: {error}</p>}
      {!info && !error && <p role="status">Loading…</p>}
      {info && (
        <dl className="facts">
          <div className="facts__row">
            <dt>Name</dt>
            <dd>{info.name}</dd>
          </div>
          <div className="facts__row">
            <dt>Version</dt>
            <dd>{info.version}</dd>
          </div>
          <div className="facts__row">
            <dt>Runs as</dt>
            <dd>{HOST_NAMES[info.host]}</dd>
          </div>
          <div className="facts__row">
            <dt>Your data is stored in</dt>
            <dd>{info.dataLocation}</dd>
          </div>
        </dl>
      )}
    </Page>
  );
}
