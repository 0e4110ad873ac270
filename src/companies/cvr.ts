const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/**
 * Checks a Danish CVR number: 8 digits whose weighted sum (2,7,6,5,4,3,2,1)
 * is divisible by 11. Returns a plain-Danish message when wrong, else null.
 * Spaces are allowed in input ("12 34 56 78") and removed by normaliseCvr.
 */
export function cvrProblem(input: string): string | null {
  const cvr = normaliseCvr(input);
  if (!/^\d{8}$/.test(cvr)) return 'Et CVR-nummer består af præcis 8 cifre.';
  if (cvr[0] === '0') return 'Et CVR-nummer kan ikke begynde med 0.';
  const sum = [...cvr].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  if (sum % 11 !== 0) return 'CVR-nummeret er ikke gyldigt: kontrolcifferet passer ikke. Tjek at alle 8 cifre er skrevet rigtigt.';
  return null;
}

export function normaliseCvr(input: string): string {
  return input.replace(/[\s-]/g, '');
}
