/**
 * The load generator, run as a child process by runLoad() so that autocannon's own work does not run on the event
 * loop of the server it measures. Receives autocannon options over IPC, answers with the result.
 */
import autocannon, { type Options } from 'autocannon';

process.once('message', (options: Options) => {
  autocannon(options).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (e: unknown) => process.send!({ ok: false, error: String(e) }, () => process.exit(1)),
  );
});
