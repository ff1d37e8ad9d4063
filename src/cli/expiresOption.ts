/**
 * The `--expires` value of `dishui apikey create` and `dishui sql-user create`: a date
 * (`2027-01-01`, midnight UTC) or an ISO instant, or null when the flag is absent.
 * @throws the error `refuse` makes, for anything else.
 */
export function parseExpires(text: string | undefined, refuse: (message: string) => Error): Date | null {
  if (text === undefined) return null;
  const expiresAt = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(expiresAt.getTime())) throw refuse(`--expires takes a date like 2027-01-01; got "${text}".`);
  return expiresAt;
}
