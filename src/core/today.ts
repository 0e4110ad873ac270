/** The date in Denmark as 'YYYY-MM-DD': one "today" for every feature (just after midnight UTC in summer it is already tomorrow here). */
const dkDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInDenmark(now = new Date()): string {
  return dkDate.format(now);
}
