import type { RealNameLevel } from '../../../../contracts/portal.ts';

/**
 * Who confirms that a name and an ID number belong together (实名核验). The province's identity
 * service (吉事办 / the national authentication platform) is one; until the county is connected to
 * it, the development stub below stands in. The use case has already checked the ID number's
 * form (check digit, birth date not in the future) before it asks.
 */
export interface IdentityProvider {
  /** Recorded on the account with the level it gave. */
  readonly name: string;
  verify(person: { name: string; idNumber: string }): Promise<{ matches: boolean; level: RealNameLevel }>;
}

/**
 * THE DEVELOPMENT STUB, not an identity check: it accepts every well-formed name and ID number and
 * gives the level `id_checked` (the number's form was checked, nothing more), never `provincial`.
 * Its name, `dev-stub`, is recorded on every account it verified, so they can be found and verified
 * again once a real provider is plugged in.
 */
export const DEVELOPMENT_STUB_IDENTITY_PROVIDER: IdentityProvider = {
  name: 'dev-stub',
  async verify() {
    return { matches: true, level: 'id_checked' };
  },
};
