import { describe, expect, it } from 'vitest';
import { formatContacts, parseContacts, readContacts } from './contacts.ts';
import { parsePeriodDates } from './period.ts';
import { deriveStatus } from './status.ts';

describe('parsePeriodDates', () => {
  it.each([
    ['2018-2020', { start: '2018-01-01', end: '2020-12-31' }],
    ['2019 - 2022', { start: '2019-01-01', end: '2022-12-31' }],
    ['01.04.2019-31.07.2021', { start: '2019-04-01', end: '2021-07-31' }],
    ['01.01.2021 – 31.12.2022', { start: '2021-01-01', end: '2022-12-31' }],
    ['Januar 2020 – januar 2023', { start: '2020-01-01', end: '2023-01-31' }],
    ['December 2019 til december 2022', { start: '2019-12-01', end: '2022-12-31' }],
    ['Medio 2018 til ultimo 2020', { start: '2018-07-01', end: '2020-12-31' }],
    ['Projektet er 3-årigt (2020 til 2023)', { start: '2020-01-01', end: '2023-12-31' }],
    ['med planlagt opstart den 1. januar 2020 og afsluttes den 30. september 2022.', { start: '2020-01-01', end: '2022-09-30' }],
    ['1.april 2017 - nu', { start: '2017-04-01' }],
    ['Siden august 2019', { start: '2019-08-01' }],
    ['Frem til 2021', { end: '2021-12-31' }],
    ['Skoleåret 2020/2021 iværksættelse', { start: '2020-08-01' }],
    ['i perioden sommeren 2019 til og med udgangen af 2020.', { start: '2019-06-01', end: '2020-12-31' }],
    ['starte op i slutningen af 1. kvartal 2021', { start: '2021-03-01' }],
    ['JOB BootCamp fandt sted i uge 43, 2020', { start: '2020-10-19' }],
    ['2013 – 2014 projekt via STAR. Implementeret d. 1/1-2015', { start: '2013-01-01', end: '2014-12-31' }],
    ['Initiativet er ikke tidsbegrænset.', {}],
    ['Hele året rundt. Ring på 2033 3524', {}],
  ])('reads "%s"', (text, dates) => {
    expect(parsePeriodDates(text)).toEqual(dates);
  });
});

describe('deriveStatus', () => {
  const today = '2021-06-01';
  it.each([
    ['Indsatsen er besluttet forankret i driften.', undefined, 'anchored'],
    ['Initiativet er ikke tidsbegrænset', undefined, 'anchored'],
    ['2013 – 2014 projekt via STAR. Implementeret d. 1/1-2015', '2014-12-31', 'anchored'],
    ['Medio 2018 til ultimo 2020', '2020-12-31', 'ended'],
    ['01.01.2021 – 31.12.2022', '2022-12-31', 'project'],
    ['Afprøvning: sep 2019-dec 2019; Fortsætter resten af 2020', '2020-01-31', 'project'],
    ['Projektet er ophørt', undefined, 'ended'],
    ['', undefined, 'project'],
  ] as const)('"%s" (end %s) is %s', (periodText, end, status) => {
    expect(deriveStatus({ periodText, end, descriptionText: '', today })).toBe(status);
  });

  it('looks in the description only when the period says nothing', () => {
    expect(deriveStatus({ periodText: '', descriptionText: 'Tilbuddet er forankret i driften.', today })).toBe('anchored');
    expect(deriveStatus({ periodText: '2019-2020', end: '2020-12-31', descriptionText: 'er forankret', today })).toBe('ended');
  });
});

describe('parseContacts', () => {
  it('splits several people in one cell and keeps role, phone and e-mail apart', () => {
    expect(
      parseContacts('Majbrit V Lambæk, <a href="mailto:uvmv@herning.dk">uvmv@herning.dk</a> , 30360683 Ulla Høy Henriksen, <a href="mailto:uuvuh@herning.dk">uuvuh@herning.dk</a> , 20358156'),
    ).toEqual([
      { name: 'Majbrit V Lambæk', phone: '30360683', email: 'uvmv@herning.dk' },
      { name: 'Ulla Høy Henriksen', phone: '20358156', email: 'uuvuh@herning.dk' },
    ]);
  });

  it('finds the name between job titles and organisations', () => {
    expect(parseContacts('<p>Teamleder Team Job &amp; Unge Louise Raaby Tlf.: 87874335 <a href="mailto:lraa@jobcenterviborg.dk">lraa@jobcenterviborg.dk</a></p>')).toEqual([
      { name: 'Louise Raaby', role: 'Teamleder Team Job & Unge', phone: '87874335', email: 'lraa@jobcenterviborg.dk' },
    ]);
    expect(parseContacts('<p>Ander Skov Centerchef Tlf. 51 57 59 93 Mail. <a href="mailto:ands@aarhus.dk">ands@aarhus.dk</a></p>')).toEqual([
      { name: 'Ander Skov', role: 'Centerchef', phone: '51575993', email: 'ands@aarhus.dk' },
    ]);
  });

  it('keeps contact details spread over paragraphs together, and several phone numbers', () => {
    expect(parseContacts('<p>Projektleder Heidi Kristensen.</p> <p><a href="mailto:h@x.dk">h@x.dk</a></p> <p>Tlf.: 8794 7528/61380158</p>')).toEqual([
      { name: 'Heidi Kristensen', role: 'Projektleder', phone: '87947528 / 61380158', email: 'h@x.dk' },
    ]);
    expect(parseContacts('Centerleder Mikkel Holme Hansen; <a href="mailto:m@s.dk">m@s.dk</a> ; +45 3050 8671')).toEqual([
      { name: 'Mikkel Holme Hansen', role: 'Centerleder', phone: '30508671', email: 'm@s.dk' },
    ]);
  });

  it('keeps an address whose link text is a name, and returns nothing for an empty cell', () => {
    expect(parseContacts('<a href="mailto:a@b.dk">Anna Berg</a> 12345678')).toEqual([{ name: 'Anna Berg', phone: '12345678', email: 'a@b.dk' }]);
    expect(parseContacts('')).toEqual([]);
    expect(parseContacts('se hjemmesiden')).toEqual([]);
  });

  it('writes and reads the spreadsheet form "Name (role) <email> phone; …"', () => {
    const contacts = [
      { name: 'Lotte Kruse', role: 'chef Ungeindsatsen og UU, Norddjurs Kommune', phone: '30560033', email: 'lisk@norddjurs.dk' },
      { name: '', phone: '96631244 / 61895450', email: 'line@lemvig.dk' },
      { name: 'Uden detaljer' },
    ];
    const text = formatContacts(contacts);
    expect(text).toBe('Lotte Kruse (chef Ungeindsatsen og UU, Norddjurs Kommune) <lisk@norddjurs.dk> 30560033; <line@lemvig.dk> 96631244 / 61895450; Uden detaljer');
    expect(readContacts(text)).toEqual(contacts);
  });
});
