import fs from 'node:fs';

// Clock ticks per second of /proc/<pid>/stat on Linux (getconf CLK_TCK).
const ticksPerSecond = 100;

/** CPU milliseconds (user + system) process `pid` has used so far; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** CPU milliseconds of several processes, by pid (processes that ended keep their last reading). */
export function cpuSampler() {
  const last = new Map<number, number>();
  return (pids: number[]): number => {
    for (const pid of pids) {
      const now = processCpuMs(pid);
      if (now > 0 || !last.has(pid)) last.set(pid, now);
    }
    return [...last.values()].reduce((a, b) => a + b, 0);
  };
}
