// Kills a code-server process group when the runner that started it dies, even by SIGKILL
// (the runner's own exit handlers cover SIGINT/SIGTERM, but nothing runs after a SIGKILL).
// usage: node watchdog.js <runner pid> <code-server pid (= its process group)>
const [runner, group] = process.argv.slice(2).map(Number);
const alive = pid => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

const timer = setInterval(() => {
  if (!alive(group)) {
    clearInterval(timer);
    return;
  } // the runner closed it normally
  if (alive(runner)) return;
  try {
    process.kill(-group, 'SIGTERM');
  } catch {
    /* gone */
  }
  setTimeout(() => {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      /* gone */
    }
    process.exit(0);
  }, 3000);
  clearInterval(timer);
}, 1000);
