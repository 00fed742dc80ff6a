import os from 'node:os';

/** CPU use over an interval: this process (the server under test) and the whole machine, in cores busy. */
export interface CpuUse {
  server: number;
  machine: number;
}

function machineBusyMs(): number {
  return os.cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

/** Starts watching; the returned function gives the cores used since then (1.0 = one core fully busy). */
export function watchCpu(): () => CpuUse {
  const start = process.hrtime.bigint();
  const own = process.cpuUsage();
  const busy = machineBusyMs();
  return () => {
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(own);
    return { server: (used.user + used.system) / 1000 / wallMs, machine: (machineBusyMs() - busy) / wallMs };
  };
}
