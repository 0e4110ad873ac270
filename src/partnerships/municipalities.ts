/**
 * The 98 Danish municipalities with their official three-digit codes (kommunekoder, as in
 * CPR, DAGI and DAWA) and region. No imports: the web client takes the list from here.
 * Christiansø (411) is not a municipality and is left out.
 */
export const REGIONS = {
  '1081': 'Region Nordjylland',
  '1082': 'Region Midtjylland',
  '1083': 'Region Syddanmark',
  '1084': 'Region Hovedstaden',
  '1085': 'Region Sjælland',
} as const;
export type RegionCode = keyof typeof REGIONS;

export interface Municipality {
  code: string;
  name: string;
  region: RegionCode;
}

const H = '1084';
const SJ = '1085';
const SD = '1083';
const M = '1082';
const N = '1081';

export const MUNICIPALITIES: readonly Municipality[] = ([
  ['101', 'København', H], ['147', 'Frederiksberg', H], ['151', 'Ballerup', H], ['153', 'Brøndby', H],
  ['155', 'Dragør', H], ['157', 'Gentofte', H], ['159', 'Gladsaxe', H], ['161', 'Glostrup', H],
  ['163', 'Herlev', H], ['165', 'Albertslund', H], ['167', 'Hvidovre', H], ['169', 'Høje-Taastrup', H],
  ['173', 'Lyngby-Taarbæk', H], ['175', 'Rødovre', H], ['183', 'Ishøj', H], ['185', 'Tårnby', H],
  ['187', 'Vallensbæk', H], ['190', 'Furesø', H], ['201', 'Allerød', H], ['210', 'Fredensborg', H],
  ['217', 'Helsingør', H], ['219', 'Hillerød', H], ['223', 'Hørsholm', H], ['230', 'Rudersdal', H],
  ['240', 'Egedal', H], ['250', 'Frederikssund', H], ['253', 'Greve', SJ], ['259', 'Køge', SJ],
  ['260', 'Gribskov', H], ['265', 'Roskilde', SJ], ['269', 'Solrød', SJ], ['270', 'Halsnæs', H],
  ['306', 'Odsherred', SJ], ['316', 'Holbæk', SJ], ['320', 'Faxe', SJ], ['326', 'Kalundborg', SJ],
  ['329', 'Ringsted', SJ], ['330', 'Slagelse', SJ], ['336', 'Stevns', SJ], ['340', 'Sorø', SJ],
  ['350', 'Lejre', SJ], ['360', 'Lolland', SJ], ['370', 'Næstved', SJ], ['376', 'Guldborgsund', SJ],
  ['390', 'Vordingborg', SJ], ['400', 'Bornholm', H], ['410', 'Middelfart', SD], ['420', 'Assens', SD],
  ['430', 'Faaborg-Midtfyn', SD], ['440', 'Kerteminde', SD], ['450', 'Nyborg', SD], ['461', 'Odense', SD],
  ['479', 'Svendborg', SD], ['480', 'Nordfyns', SD], ['482', 'Langeland', SD], ['492', 'Ærø', SD],
  ['510', 'Haderslev', SD], ['530', 'Billund', SD], ['540', 'Sønderborg', SD], ['550', 'Tønder', SD],
  ['561', 'Esbjerg', SD], ['563', 'Fanø', SD], ['573', 'Varde', SD], ['575', 'Vejen', SD],
  ['580', 'Aabenraa', SD], ['607', 'Fredericia', SD], ['615', 'Horsens', M], ['621', 'Kolding', SD],
  ['630', 'Vejle', SD], ['657', 'Herning', M], ['661', 'Holstebro', M], ['665', 'Lemvig', M],
  ['671', 'Struer', M], ['706', 'Syddjurs', M], ['707', 'Norddjurs', M], ['710', 'Favrskov', M],
  ['727', 'Odder', M], ['730', 'Randers', M], ['740', 'Silkeborg', M], ['741', 'Samsø', M],
  ['746', 'Skanderborg', M], ['751', 'Aarhus', M], ['756', 'Ikast-Brande', M], ['760', 'Ringkøbing-Skjern', M],
  ['766', 'Hedensted', M], ['773', 'Morsø', N], ['779', 'Skive', M], ['787', 'Thisted', N],
  ['791', 'Viborg', M], ['810', 'Brønderslev', N], ['813', 'Frederikshavn', N], ['820', 'Vesthimmerlands', N],
  ['825', 'Læsø', N], ['840', 'Rebild', N], ['846', 'Mariagerfjord', N], ['849', 'Jammerbugt', N],
  ['851', 'Aalborg', N], ['860', 'Hjørring', N],
] as const).map(([code, name, region]) => ({ code, name, region }));

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const byName = new Map(MUNICIPALITIES.map((m) => [fold(m.name), m]));

function fold(s: string) {
  return s.trim().toLowerCase().replace(/\s+kommune$/, '').replace(/s$/, '');
}

/** A municipality by code ("657") or name ("Herning", "Herning Kommune", any case); undefined if none. */
export function findMunicipality(codeOrName: string): Municipality | undefined {
  const s = codeOrName.trim();
  if (/^\d{1,3}$/.test(s)) return byCode.get(s.padStart(3, '0'));
  return byName.get(fold(s)) ?? MUNICIPALITIES.find((m) => fold(m.name) === fold(s));
}

export const municipalityName = (code: string) => byCode.get(code)?.name ?? code;
