// How hard the threat tests push: a quick pass in the default run, many more in `npm run test:stress`.
export const STRESS = process.env.LUNCHBOX_STRESS === "1";

export function runs(normal: number, stress: number): number {
  return STRESS ? stress : normal;
}
