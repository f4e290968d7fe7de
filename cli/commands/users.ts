/**
 * `intake users` lists the seeded users of the local stack's development sign-in; `intake users token USER` prints a
 * bearer token for one, for trying the review API with curl:
 * `curl -H "authorization: Bearer $(npm run -s intake -- users token clerk1)" localhost:3000/api/queues`.
 */
import type { Command } from 'commander';
import { localDevSignIn } from '../../functions/api/app.js';
import { DEV_USERS } from '../../shared/review/index.js';

/**
 * Adds `users` and `users token USER`.
 *
 * @example
 * register(program); // intake users token supervisor1
 */
export function register(program: Command): void {
  const users = program.command('users').description('local development users of the review API (clerks, supervisor, institutions)');
  users.action(() => {
    for (const user of DEV_USERS) {
      console.log(`${user.username.padEnd(14)} ${user.groups.join(',').padEnd(12)} ${(user.institutionId ?? '').padEnd(8)} ${user.name}`);
    }
  });
  users
    .command('token')
    .argument('<user>', 'a seeded user, e.g. clerk1')
    .description('print a bearer token for the local review API (signed with INTAKE_DEV_JWT_SECRET or the local secret)')
    .action(async (username: string) => {
      try {
        console.log((await localDevSignIn().signIn(username)).token);
      } catch {
        console.error(`no local user "${username}"; see: intake users`);
        process.exitCode = 1;
      }
    });
}
