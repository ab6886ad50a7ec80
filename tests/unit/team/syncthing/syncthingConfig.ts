/**
 * The config.xml a test Syncthing runs with: loopback only, nothing that talks to the internet
 * (global discovery, relays, NAT/STUN, usage and crash reports, upgrades), no local discovery
 * (the peer's address is given), and a watcher delay of one second so changes move quickly.
 * Written whole rather than edited from `syncthing generate`'s output so that every setting the
 * test depends on is visible here; Syncthing fills in defaults for everything left out.
 */

/** One device as this daemon knows it. */
export interface ConfigDevice {
  readonly id: string;
  readonly name: string;
  /** `dynamic` for the daemon itself, `tcp://127.0.0.1:PORT` for the peer. */
  readonly address: string;
}

export interface DaemonConfig {
  readonly self: ConfigDevice;
  readonly peers: readonly ConfigDevice[];
  readonly guiPort: number;
  readonly listenPort: number;
  readonly apiKey: string;
  readonly folderId: string;
  readonly folderPath: string;
}

/** The config version Debian's Syncthing 1.19 writes; a newer Syncthing migrates it on start. */
const CONFIG_VERSION = 36;

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function deviceXml(device: ConfigDevice): string {
  return `    <device id="${escapeXml(device.id)}" name="${escapeXml(device.name)}" compression="metadata" introducer="false">
        <address>${escapeXml(device.address)}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>`;
}

/** The whole config.xml for one daemon. */
export function configXml(config: DaemonConfig): string {
  const devices = [config.self, ...config.peers];
  const folderDevices = devices
    .map((device) => `        <device id="${escapeXml(device.id)}" introducedBy=""></device>`)
    .join('\n');
  // rescanIntervalS is a safety net only: the watcher (1 s delay) sees every change the test
  // makes, and waitUntilInSync asks for a scan before it trusts the daemons' status.
  return `<configuration version="${CONFIG_VERSION}">
    <folder id="${escapeXml(config.folderId)}" label="Team" path="${escapeXml(config.folderPath)}" type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
${folderDevices}
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>-1</maxConflicts>
        <paused>false</paused>
        <markerName>.stfolder</markerName>
    </folder>
${devices.map(deviceXml).join('\n')}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${config.guiPort}</address>
        <apikey>${escapeXml(config.apiKey)}</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${config.listenPort}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <relaysEnabled>false</relaysEnabled>
        <startBrowser>false</startBrowser>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <restartOnWakeup>false</restartOnWakeup>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
        <crashReportingEnabled>false</crashReportingEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <announceLANAddresses>false</announceLANAddresses>
    </options>
</configuration>
`;
}
