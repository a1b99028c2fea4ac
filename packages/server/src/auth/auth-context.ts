/** Who is calling, resolved once per request by the auth plugin from key, cookie or bearer token. */
export type AuthKind = 'publishable' | 'secret' | 'member' | 'operator';

export interface AuthContext {
  /** The tenant: every query the request makes is scoped by it. */
  readonly associationId: string;
  readonly kind: AuthKind;
  /** Set for members: the creditor company the account belongs to. */
  readonly creditorId?: string;
  /** Set for members and operators. */
  readonly userId?: string;
  /** Set for members and operators: the session to end on logout. */
  readonly sessionId?: string;
}

/** What a route accepts: `'public'` (no credentials) or the kinds of caller allowed. */
export type RouteAuth = 'public' | readonly AuthKind[];
