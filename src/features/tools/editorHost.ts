// The agent tools' host in the editor: the session's active profile, the numbers feature's cache, Connect Call's
// placer and Call Stats' figures, and the user's settings.
import { t } from '../../common/callText/translate';
import { Log } from '../../common/log';
import { setting } from '../../common/settings';
import type { ProfileFacts, ToolConnection, ToolHost } from '../../agentTools';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { Connection, Session } from '../../session/session';
import { ToolServices } from './toolServices';

/** The session's connection, with what the tools say about its profile. */
export interface EditorConnection extends ToolConnection {
  session: Connection;
}

export function profileFacts(conn: Connection): ProfileFacts {
  const kind = conn.profile.id === SANDBOX_PROFILE_ID ? 'sandbox' : conn.profile.production ? 'production' : 'real';
  return { name: conn.profile.name, kind, defaultCallerId: conn.profile.defaultCallerId };
}

export function editorHost(session: Session, services: ToolServices, log: Log): ToolHost<EditorConnection> {
  return {
    async connection() {
      const conn = await session.current();
      return conn && { profile: profileFacts(conn), client: conn.client, session: conn };
    },
    numbers: services.numbers,
    // exotel.hover.lookup is the user's one privacy choice for sending numbers to Exotel.
    lookupsAllowed: () => setting('hover.lookup') !== 'off',
    calls: {
      get busy() {
        return services.calls.placer.busy;
      },
      place: (conn, params) => services.calls.placeAndFollow(conn.session, params),
    },
    stats: services.stats,
    realCallsAllowed: () => setting('tools.allowCallsOnRealAccounts'),
    realCallsHow: t('turns on the setting exotel.tools.allowCallsOnRealAccounts'),
    defaultCallerId: () => setting('defaultCallerId').trim() || undefined,
    afterPlacing: t(
      'The call is followed to its outcome in the editor (a notification, and the Exotel Calls view). Ask exotel_getCall with this SID for how it went.',
    ),
    log: { info: line => log.info(line), warn: line => log.warn(line) },
  };
}
