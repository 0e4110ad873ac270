/** Fictional-looking Danish names and texts for generated data (no real persons). */
export const FIRST_NAMES = ['Sofie', 'Mikkel', 'Emma', 'Oliver', 'Ida', 'Lucas', 'Freja', 'Noah', 'Clara', 'Victor', 'Asta', 'Magnus', 'Alma', 'Frederik', 'Ella', 'Mads', 'Josefine', 'Oscar', 'Laura', 'Emil', 'Anna', 'William', 'Karla', 'Malthe', 'Nanna', 'Rasmus', 'Mathilde', 'Jonas', 'Sara', 'Tobias', 'Ahmad', 'Yasmin', 'Søren', 'Åse', 'Bjørn', 'Ærø'];
export const LAST_NAMES = ['Møller', 'Sørensen', 'Jørgensen', 'Åberg', 'Nielsen', 'Kristensen', 'Østergaard', 'Thomsen', 'Lauridsen', 'Bæk', 'Madsen', 'Poulsen', 'Aagaard', 'Krogh', 'Hansen', 'Pedersen', 'Andersen', 'Larsen', 'Rasmussen', 'Christensen', 'Holm', 'Lund', 'Vestergaard', 'Dalgaard'];
export const COMPANY_WORDS = ['Tømrer', 'Auto', 'Lager', 'Køkken', 'Butik', 'Værksted', 'Maskin', 'Gartneri', 'Rengøring', 'Transport', 'El', 'VVS', 'Bager', 'Cykel', 'Møbel'];
export const COMPANY_SUFFIX = ['ApS', 'A/S', '& Søn', 'I/S', 'Service', 'Center'];
export const TASKS = ['lager og pakning', 'fylde varer op i butikken', 'værksted', 'køkkenhjælp', 'rengøring', 'udendørs arbejde', 'kundeservice', 'montage', 'kørsel og levering', 'dyrepasning'];
export const JOURNAL_TEXTS = [
  'Samtale om mål for de næste uger. Aftalt at prøve en snusepraktik.',
  'Ringede for at høre, hvordan første dag gik. Gik godt, lidt nervøs.',
  'Møde med virksomheden om timetal. Trappes op til 3 dage om ugen.',
  'Udeblev fra aftalt møde. Sendt sms, aftalt ny tid.',
  'Opfølgning: mødestabilitet god de seneste to uger.',
  'Drøftet transport: bussen går 7.10, det passer med mødetid 8.00.',
  'Deltog i UngeMilen og fitness. God energi.',
  'Bekymring: har ikke svaret på opkald i en uge.',
];
/** The 19 municipalities of Region Midtjylland, for region-scale data. */
export const MUNICIPALITIES = ['Aarhus', 'Favrskov', 'Hedensted', 'Herning', 'Holstebro', 'Horsens', 'Ikast-Brande', 'Lemvig', 'Norddjurs', 'Odder', 'Randers', 'Ringkøbing-Skjern', 'Samsø', 'Silkeborg', 'Skanderborg', 'Skive', 'Struer', 'Syddjurs', 'Viborg'];
