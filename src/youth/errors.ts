import { AppError } from '../core/errors.ts';

/** Someone saved in between: the editor must load the new version (optimistic concurrency). */
export function staleVersion(currentVersion: number) {
  return new AppError(409, 'conflict',
    `En anden har gemt ændringer i mellemtiden (nu version ${currentVersion}). Hent den nye version, og gem dine ændringer igen.`,
    [{ field: 'version', message: String(currentVersion) }]);
}
