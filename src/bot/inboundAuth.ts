import { ClaimsIdentity } from 'botframework-connector';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../errors';
import { KeysUnavailableError, type SigningKeys } from './signingKeys';

/** The issuer of every token Teams' Bot Framework channel sends to a bot. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Clock skew botbuilder tolerates between the channel and the bot. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** Why a request was refused: 401 for a bad token, 503 when the keys to check it cannot be fetched. */
export class InboundAuthError extends AppError<'INBOUND_AUTH_REFUSED'> {
  constructor(
    readonly status: 401 | 503,
    readonly reason: string,
  ) {
    super('INBOUND_AUTH_REFUSED', reason);
  }
}

/**
 * Checks the Bot Framework token of an inbound request, as botbuilder's channel validation does, with `jose`:
 * issuer, audience (the bot's app id), expiry, the `serviceurl` claim, RS256 over a published key, and the key's
 * endorsement of the channel. Everything that can be judged without keys is judged first, so a missing, malformed
 * or foreign token costs no key lookup. botbuilder's own validation is not used: it prints stack traces, answers
 * 500 with the library's error text, and fetches keys for any token that merely claims the right issuer.
 */
export class InboundAuth {
  constructor(
    private readonly appId: string,
    private readonly keys: SigningKeys,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async validate(
    authorization: string | undefined,
    activity: { channelId?: unknown; serviceUrl?: unknown },
  ): Promise<ClaimsIdentity> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) throw new InboundAuthError(401, authorization ? 'malformed authorization header' : 'no token');
    let payload: JWTPayload;
    let kid: string;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'RS256' || typeof header.kid !== 'string')
        throw new InboundAuthError(401, `algorithm ${String(header.alg)} or key id not accepted`);
      kid = header.kid;
      payload = decodeJwt(token);
    } catch (error) {
      throw error instanceof InboundAuthError ? error : new InboundAuthError(401, 'token is not a JWT');
    }
    const channelId = this.checkClaims(payload, activity);

    let key;
    try {
      key = await this.keys.get(kid);
    } catch (error) {
      if (error instanceof KeysUnavailableError) throw new InboundAuthError(503, 'signing keys unavailable');
      throw error;
    }
    if (!key) throw new InboundAuthError(401, 'signed with an unknown key');
    if (key.endorsements.length > 0 && !key.endorsements.includes(channelId))
      throw new InboundAuthError(401, 'key not endorsed for this channel');
    try {
      const verified = await jwtVerify(token, key.key, {
        issuer: BOT_FRAMEWORK_ISSUER,
        audience: this.appId,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.nowSeconds() * 1000),
      });
      return new ClaimsIdentity(
        Object.entries(verified.payload).map(([type, value]) => ({ type, value: String(value) })),
        true,
      );
    } catch {
      throw new InboundAuthError(401, 'signature or claims invalid');
    }
  }

  /** Everything judged without keys; returns the activity's channel, checked to be a string. */
  private checkClaims(payload: JWTPayload, activity: { channelId?: unknown; serviceUrl?: unknown }): string {
    const now = this.nowSeconds();
    if (payload.iss !== BOT_FRAMEWORK_ISSUER) throw new InboundAuthError(401, 'issuer not accepted');
    if (payload.aud !== this.appId) throw new InboundAuthError(401, 'token is for another app');
    if (typeof payload.exp !== 'number' || payload.exp + CLOCK_TOLERANCE_SECONDS < now)
      throw new InboundAuthError(401, 'token expired');
    if (typeof payload.nbf === 'number' && payload.nbf - CLOCK_TOLERANCE_SECONDS > now)
      throw new InboundAuthError(401, 'token not valid yet');
    // botbuilder's rule, without its gaps: the channel and the service URL are non-empty strings (an array or an
    // object would pass a String() comparison), and the service URL replies go to is the one the token names.
    if (typeof activity.channelId !== 'string' || activity.channelId === '')
      throw new InboundAuthError(401, 'channelId is not a string');
    if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl === '')
      throw new InboundAuthError(401, 'serviceUrl is not a string');
    const serviceUrl = (payload as { serviceurl?: unknown }).serviceurl;
    if (serviceUrl !== activity.serviceUrl)
      throw new InboundAuthError(401, 'serviceurl claim does not match the activity');
    return activity.channelId;
  }
}
