/** SQL snippets for the set-based generator: a literal text array and a random pick from it (per row). */
export const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
export const pick = (xs: string[]) => `(${arr(xs)})[1 + floor(random() * ${xs.length})::int]`;
