// Placeholder until the live check lands; see README «Проверка на настоящем Google».
export async function liveCheckCommand(): Promise<number> {
  process.stderr.write('live-check: not configured\n');
  return 2;
}
