/**
 * Closed vocabularies. Each value carries a one-line description that ends up
 * in the JSON Schema (`anyOf` of `const`s) and in the data dictionary.
 */
import { z } from 'zod';

type Terms = Readonly<Record<string, string>>;

/**
 * A closed vocabulary: a Zod enum (fast to check), whose values' descriptions
 * are kept in a registry. The JSON Schema generator turns it into an `anyOf`
 * of described `const`s, and the data dictionary lists the descriptions.
 */
export function vocabulary<const T extends Terms>(name: string, description: string, terms: T) {
  const values = Object.keys(terms) as Array<keyof T & string>;
  const schema = z
    .enum(values as [keyof T & string, ...Array<keyof T & string>], {
      error: `expected one of the ${name} values: ${values.join(', ')}`,
    })
    .describe(description);
  vocabularies.set(schema._zod.def, { name, description, terms });
  return schema;
}

export interface VocabularyInfo {
  name: string;
  description: string;
  terms: Terms;
}
const vocabularies = new WeakMap<object, VocabularyInfo>();
export function vocabularyOf(schema: z.ZodType): VocabularyInfo | undefined {
  return vocabularies.get(schema._zod.def);
}

export const SourceKind = vocabulary('source kind', 'What kind of work the source is.', {
  'news-article': 'An article by a news outlet or news agency.',
  analysis: 'An analysis, commentary or opinion piece.',
  'ngo-report': 'A report published by a non-governmental organisation.',
  'ngo-web-page': 'A blog post or web page of a non-governmental organisation.',
  'government-statement': 'A statement, notice or web page of a government body or embassy.',
  'parliamentary-record': 'A parliamentary question, answer, debate or agenda item.',
  'court-document': 'A court filing, indictment or prosecutor’s document, or a justice ministry press release about one.',
  'official-media': 'An article by state-controlled media reporting an official position.',
  'academic-article': 'An article in an academic journal.',
  'reference-work': 'An encyclopaedia or reference page.',
  'blog-post': 'A post on a personal or group blog.',
});

export const SourceRelation = vocabulary('source relation', 'How a source relates to the original it reproduces.', {
  translation: 'A translation of the original (machine or human).',
  syndication: 'The original’s text republished by another outlet under licence.',
  summary: 'A shortened retelling of the original.',
  repost: 'A copy of the original on another site.',
});

export const Reliability = vocabulary('reliability tier', 'How far the source can be relied on for what it reports.', {
  primary: 'A primary or official source: government, parliament, court, the NGO on its own claims, state media on official positions.',
  'established-media': 'An established news outlet or academic publication.',
  secondary: 'A mirror, machine translation, aggregator or low-quality site; used only where no better copy was read.',
});

export const ActorKind = vocabulary('actor kind', 'What kind of person or body the actor is.', {
  person: 'A public figure or official, named.',
  'private-person': 'A private individual, identified only as the sources identify them (initials stay initials).',
  ngo: 'A non-governmental organisation.',
  'government-body': 'A ministry, department, agency or government as a whole.',
  'police-bureau': 'A police body, such as a Chinese municipal or county public security bureau.',
  'diplomatic-mission': 'An embassy or consulate.',
  legislature: 'A parliament or one of its chambers or committees.',
  'international-organisation': 'An international or supranational organisation.',
  'media-outlet': 'A newspaper, broadcaster, news agency or website.',
  'academic-institution': 'A university or research institute.',
  association: 'A community, cultural or business association.',
  'political-party': 'A political party.',
});

export const StationStatus = vocabulary('station status', 'What is known of a reported station, as of a date; each value names the evidence it requires (see METHODOLOGY).', {
  reported: 'Listed by an NGO, the press or a politician; no official finding about it is known.',
  'checks-ongoing': 'Host-country authorities said checks or monitoring continue; no investigation of it was announced.',
  'under-investigation': 'Host-country authorities (police, prosecutors, a ministry) said they opened an investigation of it.',
  'no-evidence-found': 'Host-country authorities said they found no evidence of it or of illegal activity there.',
  'investigation-closed': 'Host-country authorities said they closed their investigation without charges, without saying they found no evidence.',
  'confirmed-by-authorities': 'Host-country authorities confirmed that an office or desk existed there.',
  'activities-ceased': 'Said by authorities or its hosts to no longer provide its services; no closure was ordered or reported by an authority.',
  'closure-ordered': 'Host-country authorities ordered it to close.',
  closed: 'Its closure was reported by a host-country authority or by its host organisation.',
  'referred-to-prosecutors': 'Police referred a case connected with it to prosecutors; no charge is reported.',
  charged: 'A criminal charge connected with it was filed in the host country.',
  convicted: 'A court convicted someone of an offence connected with it (including a guilty plea accepted by a court).',
  acquitted: 'A court acquitted the defendants charged in connection with it.',
});

export const StationEventKind = vocabulary('station event kind', 'What happened to a station on a date.', {
  opened: 'The station is said to have opened.',
  listed: 'An NGO report listed the station.',
  'media-report': 'The press reported on the station.',
  'investigation-opened': 'Authorities said they opened an investigation.',
  checks: 'Authorities said checks or monitoring continue, without announcing an investigation.',
  'official-finding': 'Authorities stated what they found.',
  denial: 'Authorities or Chinese officials denied that it is a police station.',
  'closure-order': 'Authorities ordered it to close.',
  closure: 'Its closure was reported by a host-country authority or its host organisation.',
  'activity-ceased': 'It was said to no longer provide its services, without a reported closure.',
  search: 'Police searched the premises.',
  arrest: 'People connected with it were arrested.',
  referral: 'Police referred a case connected with it to prosecutors.',
  charge: 'A criminal charge connected with it was filed.',
  plea: 'A defendant pleaded guilty or not guilty.',
  'sentencing-request': 'Prosecutors asked for a sentence.',
  conviction: 'A court convicted a defendant or accepted a guilty plea.',
  acquittal: 'A court acquitted a defendant.',
  'parliamentary-question': 'A member of parliament asked about it.',
  'no-charges': 'Authorities closed an inquiry without recommending charges.',
  litigation: 'A civil lawsuit connected with it was filed.',
});

export const AgreementKind = vocabulary('agreement kind', 'The legal form of an agreement.', {
  'memorandum-of-understanding': 'A memorandum of understanding between governments or ministries.',
  agreement: 'A bilateral agreement or arrangement.',
  'agreement-in-principle': 'An agreement reached in talks, not (yet) a signed text.',
  'action-plan': 'A multi-year plan of cooperation.',
  'stated-absence': 'A government statement that no such agreement exists.',
});

export const AgreementStatus = vocabulary('agreement status', 'Where an agreement stands, as of a date.', {
  'in-force': 'Signed and applied.',
  suspended: 'Not applied for the time being, by a decision said to be temporary.',
  discontinued: 'No longer applied in practice, as a government said; not formally terminated.',
  terminated: 'Formally ended by a party’s notice or by the parties’ decision.',
  withdrawn: 'A party withdrew from it.',
  proposed: 'Proposed or discussed, not agreed.',
  'not-implemented': 'Agreed, but not yet applied as far as sources show.',
  'none-exists': 'A government states that no such agreement exists.',
});

export const AgreementEventKind = vocabulary('agreement event kind', 'What happened to an agreement on a date.', {
  'agreed-in-principle': 'The parties agreed in principle.',
  signed: 'The agreement was signed.',
  'patrol-edition': 'A joint patrol edition took place under it.',
  suspended: 'Its application was suspended.',
  discontinued: 'A party said it is no longer applied, without formally ending it.',
  terminated: 'A party formally ended it.',
  'policy-statement': 'An official stated a policy about it that is not itself an act on the agreement.',
  withdrawal: 'A party notified its withdrawal.',
  meeting: 'Officials met on its subject.',
  proposal: 'Its revival or extension was proposed or discussed.',
  statement: 'An official stated its content or scope.',
});

export const SettingKind = vocabulary('setting kind', 'Where or how a statement was made.', {
  interview: 'An interview with a named outlet.',
  'parliamentary-answer': 'An answer to a parliamentary question, oral or written.',
  'parliamentary-question': 'A question asked in parliament.',
  'press-conference': 'A press conference or regular briefing.',
  'official-statement': 'A written statement, press release or notice.',
  report: 'A report or publication of the speaker’s organisation.',
  'court-filing': 'A court document or a prosecutor’s statement on a case.',
  'public-remarks': 'Remarks in public, at an event or to reporters.',
  'anonymous-briefing': 'Remarks to a journalist by an unnamed official.',
});

export const Stance = vocabulary('stance', 'The position the statement takes on what it is about.', {
  alleges: 'Claims that stations or related activities exist or are harmful.',
  denies: 'Denies that the stations are police stations or that wrongdoing happened.',
  confirms: 'Confirms facts from an official position.',
  'partly-confirms': 'Confirms some facts and disputes others.',
  criticises: 'Criticises a government’s response.',
  announces: 'Announces a measure or decision.',
  describes: 'Describes or explains without taking a side.',
  asks: 'Asks a question of a government.',
});

export const StatementForm = vocabulary('statement form', 'Whether the text is the speaker’s words or the source’s account of them.', {
  direct: 'The speaker’s own words, verbatim: as the source prints them inside quotation marks, or as the speaker wrote them in its own publication (a report, a statement, an article).',
  indirect: 'The source’s own words reporting what the speaker said, copied verbatim from the source; not a quotation of the speaker.',
});

export const Unit = vocabulary('unit', 'What a figure counts or measures.', {
  stations: 'Overseas police stations or service centres.',
  countries: 'Countries or territories.',
  cities: 'Cities.',
  people: 'Persons.',
  cases: 'Cases or incidents.',
  calls: 'Telephone calls.',
  officers: 'Police officers.',
  requests: 'Requests or applications received.',
  governments: 'Governments.',
  EUR: 'Euros (base unit, not thousands or millions).',
  CAD: 'Canadian dollars (base unit).',
  JPY: 'Japanese yen (base unit).',
  years: 'Years.',
  percent: 'Per cent (0–100).',
});

export const LocationPrecision = vocabulary('location precision', 'What the coordinates locate: never the building, only the city or region.', {
  city: 'The centre of the city; not the station’s address.',
  region: 'The centre of the region; the city is not known.',
});

export const TranslationBy = vocabulary('translator', 'Who translated `translation_en`.', {
  source: 'The translation is printed by a cited source.',
  project: 'The translation is the project’s own, made by a person.',
  machine: 'A machine translation, not checked word by word.',
});

export const TextTranslationKind = vocabulary(
  'text translation kind',
  'Who turned the speaker’s words into the language `text` is printed in.',
  {
    outlet: 'The outlet that printed it translated the words (the `by` actor).',
    machine: 'A machine translation (of a page or by a tool), printed as such by the cited copy.',
    project: 'The project translated the words; the original wording is in another statement or the source.',
  },
);

export const Qualifier = vocabulary('qualifier', 'How exact a figure is claimed to be, in the source’s words.', {
  exact: 'Stated as an exact count (11 stations, 18,154 people); the value is the number printed.',
  rounded: 'A round figure as printed, without a qualifying word (330,000; €12.7bn); not exact, the value is the printed figure in base units.',
  about: 'Stated as approximate.',
  'at-least': 'Stated as a minimum ("at least").',
  'up-to': 'Stated as a maximum ("up to").',
  'more-than': 'Stated as exceeded ("more than", "over").',
  'nearly': 'Stated as almost reached ("nearly").',
});

export const EventKind = vocabulary('event kind', 'What kind of event a timeline entry records.', {
  'report-published': 'An NGO or official report was published.',
  'media-revelation': 'The press revealed or reported new facts.',
  'public-statement': 'An NGO, official or expert spoke in public (a press conference, an interview, a speech), without publishing a report.',
  investigation: 'Authorities opened, confirmed or reported on an investigation.',
  'official-finding': 'Authorities stated what they found.',
  'closure-order': 'Authorities ordered a station closed.',
  closure: 'A station was said to have closed.',
  prosecution: 'Arrests, charges, pleas or sentences.',
  'diplomatic-action': 'A summons, protest, assurance or other diplomatic step.',
  parliamentary: 'A parliamentary question, debate, answer or inquiry.',
  legislation: 'A bill or executive order.',
  denial: 'A government denied the allegations.',
  policy: 'A government decision or announcement of policy.',
  meeting: 'Officials of two governments met.',
  crime: 'A crime or violent incident.',
  'forced-return': 'A person was made to return to China.',
});

export const TimeBasis = vocabulary('time basis', 'Whether the period or date of a figure is stated by the source or inferred.', {
  stated: 'The source states the period or date the figure refers to.',
  inferred: 'The project inferred it (from the context or the publication date); the note says how.',
});

export const ReadStatus = vocabulary('read status', 'How much of the source the project read.', {
  full: 'The whole text was read.',
  partial: 'Only part was readable (the opening, an abstract, a caption); the notes say what.',
  'not-read': 'Not read; known only through another source, which records cite as `via`.',
});

export const VerificationStatus = vocabulary('verification status', 'The outcome of checking a record against readable copies of its sources.', {
  verified: 'Every fact of the record was checked against a readable copy of a cited source, and held.',
  corrected: 'Checked, and corrected in the verification pass; the note says what changed.',
  'partly-verified': 'Some facts were checked; the note says what could not be read.',
  unverifiable: 'No readable copy of any cited source was found; the note says why.',
});
