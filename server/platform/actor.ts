import type { Role } from '../../common/roles.js';

/** Who is acting: the signed-in user, with the path of the subtree their role lets them see. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  /** Path ('/id/…/') of the actor's own unit. */
  unitPath: string;
  /** Path ('/id/…/') of the unit whose subtree bounds this actor's 'scope' rules. */
  scopePath: string;
}

/** The system itself (the sweeper, seeding, imports): audit entries name it with a null actor id. */
export const systemActor: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  role: 'admin',
  unitId: '00000000-0000-0000-0000-000000000000',
  unitPath: '/',
  scopePath: '/',
};
