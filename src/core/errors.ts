/** The one error type the API speaks: `{ error: { code, message, fields? } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { field: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Siden eller posten') =>
  new AppError(404, 'not_found', `${what} findes ikke, eller du har ikke adgang til den.`);
export const forbidden = () => new AppError(403, 'forbidden', 'Du har ikke adgang til dette.');
export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Du er ikke logget ind, eller din session er udløbet. Log ind igen.');
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const badRequest = (message: string, fields?: { field: string; message: string }[]) =>
  new AppError(400, 'bad_request', message, fields);
