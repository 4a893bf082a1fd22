/**
 * Every fact of the five seed articles stays in the data: each seed is a
 * source record, each number is a figure, each quotation is a statement,
 * and each named case is a record. A curation change that drops one fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { PROJECT_ROOT } from './helpers/fixture.js';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const data = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(PROJECT_ROOT, c.file), 'utf8')) as Rec[]]));
const text = JSON.stringify(data);

describe('the seed articles', () => {
  it('are each recorded as a source, linked to the original they reproduce where there is one', () => {
    const seeds = data.sources!.filter((s) => s.seed).map((s) => s.seed).sort();
    expect(seeds).toEqual(['000_35bed7e29354cd9a.txt', '001_879c5afeac50dc6b.txt', '002_ea8a683da47a2752.txt', '003_84894aa6f8346a93.txt', '004_9d62d65d3f315a46.txt']);
    const bySeed = (file: string) => data.sources!.find((s) => s.seed === file)!;
    expect(bySeed('002_ea8a683da47a2752.txt').original).toBe('adnkronos-2022-12-cina-record-stazioni');
    expect(bySeed('003_84894aa6f8346a93.txt').original).toBe('telegraph-2022-12-11-italy-blind-eye');
    expect(bySeed('004_9d62d65d3f315a46.txt').original).toBe('propublica-2023-07-outlaw-alliance');
  });

  it.each([
    ['stations-worldwide', 102], ['countries-with-stations', 53], ['stations-in-italy', 11], ['stations-worldwide', 54], ['stations-added', 48],
    ['chinese-residents-italy', 330000], ['exports-italy-to-china', 12_700_000_000], ['fox-hunt-forced-returns', 11000], ['persuaded-returns', 210000],
    ['stations-in-italy', 1], ['stations-worldwide', 100],
  ])('state the figure %s = %d, attributed', (measure, value) => {
    const figure = data.figures!.find((f) => f.measure === measure && f.value === value);
    expect(figure, `${measure} ${value}`).toBeDefined();
    expect(figure!.claimed_by).toBeTruthy();
  });

  it.each([
    'I can say that those forms of cooperation will no longer be practiced or replicated in other forms.',
    'weaker in their responses, [and] less transparent on what they are doing',
    'Italy has been particularly reluctant to act.',
    'They continue to refuse to recognize the issue. We are not saying they are complicit.',
    'It’s easy to close down one address but the underlying networks are still operative. I’m sure they will lie low for a while.',
    'It is alarming that activities carried out by entities associated with the United Front are not treated as inherently illegal',
    'harassing, threatening, intimidating and pushing particular targets back to China',
    'initially telephone calls, then threats to relatives left in China, finally the use of undercover agents abroad',
    'very disappointing',
    'Chinese public security stations... strictly abide by international law and fully respect the judicial sovereignty of other countries',
    '“re-education camps”',
    'A guy like Zhang does what the consulate doesn’t do, or does it better',
    'If you want in-depth street information, intelligence, you go to a guy like Zhang.',
    'takes the most powerful, richest, most successful figures overseas and recognizes them as the nobility of the diaspora',
    'The deal, spoken or not, is: ‘You gather intelligence on the community, we let you do business. Whether legal or illegal',
    '“monitoring”',
  ])('quote verbatim: %s', (quote) => {
    const found = data.statements!.filter((s) => s.text.includes(quote) || s.translation_en?.includes(quote));
    expect(found, quote).not.toHaveLength(0);
    for (const s of found) expect(s.sources.length).toBeGreaterThan(0);
  });

  it('name the cases, events and agreements they report', () => {
    for (const id of ['prato-via-strozzi-killings-2010', 'prato-investigation-culminates-2017', 'wj-return-from-prato-2015', 'viminale-roundtable-2025-01', 'national-investigations-announced-2022']) {
      expect(data.events!.some((e) => e.id === id), id).toBe(true);
    }
    for (const id of ['it-cn-joint-patrol-memorandum-2015', 'it-cn-belt-and-road-memorandum-2019', 'it-cn-milan-cortina-patrols-proposal']) {
      expect(data.agreements!.some((a) => a.id === id), id).toBe(true);
    }
    const memorandum = data.agreements!.find((a) => a.id === 'it-cn-joint-patrol-memorandum-2015')!;
    expect(memorandum.signing.map((c: Rec) => c.value.date)).toContain('2015-04-27');
    expect(memorandum.events.some((e: Rec) => e.kind === 'suspended' && e.date === '2020')).toBe(true);
    for (const phrase of ['Capel Street', 'Fox Hunt', 'clothes manufacturing', 'fight against terrorism, international organized crime, illegal immigration and human trafficking', 'scenic spots in Rome, Milan, Florence and Naples', 'Following was Prato and then Paris']) {
      expect(text.includes(phrase), phrase).toBe(true);
    }
  });

  it('name the people and bodies they name', () => {
    for (const id of ['matteo-piantedosi', 'laura-harth', 'wang-wenbin', 'oriana-skylar-mastro', 'riccardo-noury', 'emmanuel-jourda', 'paolo-gentiloni', 'wang-yi', 'angelino-alfano', 'safeguard-defenders', 'wenzhou-psb', 'qingtian-psb', 'il-foglio', 'reuters', 'the-telegraph', 'l-espresso', 'propublica', 'amnesty-italy', 'wj-prato', 'xi-jinping']) {
      expect(data.actors!.some((a) => a.id === id), id).toBe(true);
    }
  });

  it('keep the eleven Italian stations, with the Prato address and the Milan pilots', () => {
    const italy = data.stations!.filter((s) => s.country === 'IT');
    expect(italy).toHaveLength(11);
    const cities = italy.map((s) => s.city ?? s.region).sort();
    expect(cities).toEqual(['Bolzano', 'Florence', 'Milan', 'Milan', 'Prato', 'Prato', 'Prato', 'Rome', 'Rome', 'Sicily', 'Venice']);
    expect(data.stations!.find((s) => s.id === 'it-prato-fuzhou')!.address[0].value).toContain('via degli Orti del Pero 2');
    expect(data.stations!.find((s) => s.id === 'it-milan-wenzhou')!.opened[0].value).toBe('2016-05');
    expect(data.stations!.find((s) => s.id === 'it-milan-qingtian')!.opened[0].value).toBe('2018');
  });
});
