// Writes server/src/data/person-centered.json. The list is kept here as compact tables so each
// entry's singular and plural forms stay side by side; edit this file and run
// `node scripts/make-person-centered.mjs`, then `npm test` (the list must validate).
import { writeWordList } from './lib/write-list.mjs';

const CT = { name: 'Connecticut Open Data Publication Guidelines', url: 'https://portal.ct.gov/opm/-/media/OPM/Data/Open-Data-Publication-Guidelines.pdf' };
const CDC = { name: 'CDC, Preferred Terms for Select Population Groups & Communities', url: 'https://www.cdc.gov/health-communication/php/toolkit/preferred-terms.html' };
const NIDA = { name: 'NIDA, Words Matter: Preferred Language for Talking About Addiction', url: 'https://nida.nih.gov/research-topics/addiction-science/words-matter-preferred-language-talking-about-addiction' };

/** Singular and plural forms of a noun, with replacements of the same number. */
const noun = (one, many, replaceOne, replaceMany, extra = {}) => [
  { match: one, replace: replaceOne, ...extra },
  { match: many, replace: replaceMany, ...extra },
];
/** "<adjective> <noun>" for each people noun: "homeless veterans" → "veterans experiencing homelessness". */
const peopleNouns = ['people', 'person', 'persons', 'individual', 'individuals', 'adult', 'adults', 'child', 'children', 'youth', 'youths', 'family', 'families', 'man', 'men', 'woman', 'women', 'veteran', 'veterans', 'student', 'students', 'resident', 'residents', 'patient', 'patients', 'client', 'clients', 'parent', 'parents', 'mother', 'mothers', 'father', 'fathers', 'worker', 'workers', 'employee', 'employees'];
const PEOPLE = { people: 'people', persons: 'people', person: 'person' };
const PLURALS = new Set(['people', 'children', 'men', 'women', 'youth', 'youths']);
const isPlural = (n) => PLURALS.has(n) || /s$/.test(n);
const withNoun = (adjective, phrase) =>
  peopleNouns.map((n) => ({ match: `${adjective} ${n}`, replace: [phrase(PEOPLE[n] ?? n, n)] }));
/**
 * withNoun for a label after degree adverbs, each turned into the adjective the person-first
 * phrase takes; without these, "seriously mentally ill adults" matched only "mentally ill adults"
 * and became "seriously adults with mental illness".
 */
const withDegree = (adverbs, label, phrase) =>
  Object.entries(adverbs).flatMap(([adverb, degree]) => withNoun(`${adverb} ${label}`, (n, written) => phrase(n, written, degree)));
const MENTAL_ILLNESS_DEGREES = { seriously: 'serious', severely: 'severe', 'seriously and persistently': 'serious and persistent', 'severely and persistently': 'severe and persistent', chronically: 'chronic' };
const DISABILITY_DEGREES = { mildly: 'mild', moderately: 'moderate', severely: 'severe', profoundly: 'profound' };

const entries = [
  // ── corrections ──
  {
    term: 'inmate', category: 'corrections', source: CT,
    note: 'Describes a person by their incarceration; the guidelines give "person who is incarcerated" as the example.',
    forms: [
      ...noun('inmate', 'inmates', ['person who is incarcerated', 'incarcerated person'], ['people who are incarcerated', 'incarcerated people']),
      { match: 'inmate population', replace: ['incarcerated population', 'population of people who are incarcerated'] },
      { match: 'inmate populations', replace: ['incarcerated populations'] },
    ],
  },
  {
    term: 'prisoner', category: 'corrections', source: CT, notBefore: ['of war'],
    note: 'Describes a person by their incarceration. "Prisoner of war" is a legal status and is not flagged.',
    forms: noun('prisoner', 'prisoners', ['person who is incarcerated', 'incarcerated person'], ['people who are incarcerated', 'incarcerated people']),
  },
  {
    term: 'convict', category: 'corrections', source: CDC,
    note: 'As a noun it reduces a person to a conviction. The verb ("to convict") is not flagged.',
    forms: [
      { match: 'convict', replace: ['person convicted of a crime'], notAfter: ['to', 'not', 'will', 'would', 'could', 'can', 'cannot', 'may', 'might', 'must', 'should', 'did', 'does', 'do', 'jury', 'juries', 'court', 'courts', 'judge', 'judges'] },
      { match: 'convicts', replace: ['people convicted of a crime'], notAfter: ['jury', 'court', 'judge', 'it', 'he', 'she', 'state', 'prosecutor'] },
      ...noun('ex-convict', 'ex-convicts', ['person who was formerly incarcerated', 'person with a criminal record'], ['people who were formerly incarcerated', 'people with a criminal record']),
      ...noun('ex-con', 'ex-cons', ['person who was formerly incarcerated'], ['people who were formerly incarcerated']),
    ],
  },
  {
    term: 'felon', category: 'corrections', source: CDC,
    note: 'Labels a person by a conviction. "Felony" is not flagged.',
    forms: [
      ...noun('felon', 'felons', ['person convicted of a felony'], ['people convicted of a felony']),
      ...noun('ex-felon', 'ex-felons', ['person with a felony conviction', 'person who was formerly incarcerated'], ['people with a felony conviction', 'people who were formerly incarcerated']),
    ],
  },
  {
    term: 'offender', category: 'corrections', source: CDC, notBefore: ['registry', 'registries', 'registration', 'registrant', 'registrants'],
    note: 'Labels a person by an offense. Official names such as the "Sex Offender Registry" are left alone (rename the program, not the metadata).',
    forms: [
      ...noun('offender', 'offenders', ['person who committed an offense', 'person convicted of an offense'], ['people who committed an offense', 'people convicted of an offense']),
      ...noun('sex offender', 'sex offenders', ['person convicted of a sex offense'], ['people convicted of a sex offense']),
      ...noun('juvenile offender', 'juvenile offenders', ['young person involved in the justice system'], ['young people involved in the justice system']),
      ...noun('youthful offender', 'youthful offenders', ['young person involved in the justice system'], ['young people involved in the justice system']),
      ...noun('drug offender', 'drug offenders', ['person convicted of a drug offense'], ['people convicted of a drug offense']),
    ],
  },
  {
    term: 'ex-offender', category: 'corrections', source: CDC,
    note: 'CDC prefers "people who were formerly incarcerated" or "people returning from incarceration".',
    forms: [
      ...noun('ex-offender', 'ex-offenders', ['person who was formerly incarcerated', 'person returning from incarceration'], ['people who were formerly incarcerated', 'people returning from incarceration']),
      ...noun('ex-prisoner', 'ex-prisoners', ['person who was formerly incarcerated'], ['people who were formerly incarcerated']),
      ...noun('ex-inmate', 'ex-inmates', ['person who was formerly incarcerated'], ['people who were formerly incarcerated']),
      ...noun('former inmate', 'former inmates', ['person who was formerly incarcerated'], ['people who were formerly incarcerated']),
      ...noun('former prisoner', 'former prisoners', ['person who was formerly incarcerated'], ['people who were formerly incarcerated']),
    ],
  },
  {
    term: 'parolee', category: 'corrections', source: CDC,
    note: 'Describes a person by their supervision status.',
    forms: [
      ...noun('parolee', 'parolees', ['person on parole'], ['people on parole']),
      ...noun('probationer', 'probationers', ['person on probation'], ['people on probation']),
    ],
  },
  {
    term: 'detainee', category: 'corrections', source: CDC,
    note: 'Describes a person by their detention.',
    forms: noun('detainee', 'detainees', ['person who is detained', 'person in detention'], ['people who are detained', 'people in detention']),
  },
  {
    term: 'criminal', category: 'corrections', source: CDC,
    note: 'As a noun it labels a person by an act. The adjective ("criminal justice", "criminal record") is not flagged.',
    forms: [
      { match: 'criminals', replace: ['people who committed a crime'] },
      { match: 'a criminal', replace: ['a person who committed a crime'], asNoun: true },
      { match: 'the criminal', replace: ['the person who committed the crime'], asNoun: true },
    ],
  },
  {
    term: 'juvenile delinquent', category: 'corrections', source: CDC,
    note: 'Labels young people by contact with the justice system. "Juvenile justice", "juvenile court" and "delinquency" are not flagged.',
    forms: [
      ...noun('juvenile delinquent', 'juvenile delinquents', ['young person involved in the justice system'], ['young people involved in the justice system']),
      { match: 'delinquents', replace: ['young people involved in the justice system'] },
    ],
  },
  {
    term: 'juvenile', category: 'corrections', source: CDC,
    note: 'As a noun it labels young people by their contact with the justice system. As an adjective ("juvenile court", "juvenile arrests") it is not flagged.',
    forms: [
      { match: 'juveniles', replace: ['young people', 'youth'] },
      { match: 'juvenile', replace: ['young person', 'youth'], asNoun: true, notAfter: ['the', 'of'] },
    ],
  },
  // ── homelessness ──
  {
    term: 'the homeless', category: 'homelessness', source: CDC,
    note: 'Homelessness is a circumstance, not an identity. "Homelessness services" and "homeless shelter" are not flagged. HUD\'s "chronically homeless" status keeps its meaning as "experiencing chronic homelessness", the phrase HUD\'s definition uses.',
    forms: [
      { match: 'the homeless', replace: ['people experiencing homelessness'], asNoun: true },
      // HUD's "chronically homeless" status keeps its adjective: "people experiencing chronic homelessness".
      ...withDegree({ chronically: 'chronic' }, 'homeless', (n, _written, degree) => `${n} experiencing ${degree} homelessness`),
      ...withNoun('homeless', (n) => `${n} experiencing homelessness`),
    ],
  },
  {
    term: 'vagrant', category: 'homelessness', source: CDC,
    note: 'A stigmatizing label for people without housing.',
    forms: noun('vagrant', 'vagrants', ['person experiencing homelessness'], ['people experiencing homelessness'], { notBefore: ['law', 'laws'] }),
  },
  // ── substance use ──
  {
    term: 'addict', category: 'substance use', source: NIDA,
    note: 'Stigmatizing; NIDA recommends person-first language that names the disorder.',
    forms: [
      ...noun('addict', 'addicts', ['person with a substance use disorder'], ['people with a substance use disorder']),
      ...noun('drug addict', 'drug addicts', ['person with a substance use disorder'], ['people with a substance use disorder']),
      ...noun('opioid addict', 'opioid addicts', ['person with an opioid use disorder'], ['people with an opioid use disorder']),
      ...noun('heroin addict', 'heroin addicts', ['person with an opioid use disorder'], ['people with an opioid use disorder']),
      ...noun('junkie', 'junkies', ['person who uses drugs'], ['people who use drugs']),
    ],
  },
  {
    term: 'abuser', category: 'substance use', source: NIDA,
    notAfter: ['child', 'domestic', 'elder', 'spousal', 'sexual', 'partner'],
    note: '"Abuser" implies a choice and invites punishment. People who harm others ("child abuser") are outside this list.',
    forms: [
      ...noun('abuser', 'abusers', ['person who uses substances', 'person with a substance use disorder'], ['people who use substances', 'people with a substance use disorder']),
      ...noun('substance abuser', 'substance abusers', ['person with a substance use disorder', 'person who uses substances'], ['people with a substance use disorder', 'people who use substances']),
      ...noun('drug abuser', 'drug abusers', ['person who uses drugs', 'person with a substance use disorder'], ['people who use drugs', 'people with a substance use disorder']),
      ...noun('alcohol abuser', 'alcohol abusers', ['person with an alcohol use disorder'], ['people with an alcohol use disorder']),
      ...noun('drug user', 'drug users', ['person who uses drugs'], ['people who use drugs']),
    ],
  },
  {
    term: 'alcoholic', category: 'substance use', source: NIDA, notBefore: ['anonymous'],
    note: 'As a noun it labels a person by a disorder. The adjective ("alcoholic beverages") and "Alcoholics Anonymous" are not flagged.',
    forms: [
      { match: 'alcoholics', replace: ['people with an alcohol use disorder'] },
      { match: 'alcoholic', replace: ['person with an alcohol use disorder'], asNoun: true, notAfter: ['of'] },
    ],
  },
  {
    term: 'substance abuse', category: 'substance use', source: NIDA,
    notBefore: ['and mental health services administration', 'prevention and treatment block grant'],
    note: '"Abuse" is associated with punishment; NIDA prefers "substance use" or "substance use disorder". Federal names ("Substance Abuse and Mental Health Services Administration") are not flagged.',
    forms: [
      { match: 'substance abuse', replace: ['substance use', 'substance use disorder'] },
      { match: 'drug abuse', replace: ['drug use', 'drug misuse'], notAfter: ['institute on'] },
      { match: 'alcohol abuse', replace: ['alcohol misuse', 'alcohol use disorder'], notAfter: ['institute on'] },
      { match: 'opioid abuse', replace: ['opioid misuse', 'opioid use disorder'] },
    ],
  },
  // ── disability ──
  {
    term: 'the disabled', category: 'disability', source: CDC,
    note: 'Puts the disability before the person. Things can be disabled ("a disabled account") and are not flagged. Some communities prefer identity-first wording; allow it in .plainmeta.yaml.',
    forms: [
      { match: 'the disabled', replace: ['people with disabilities'], asNoun: true },
      ...withNoun('disabled', (n, written) => `${n} with ${isPlural(written) ? 'disabilities' : 'a disability'}`),
    ],
  },
  {
    term: 'handicapped', category: 'disability', source: CDC,
    note: 'An outdated term; CDC prefers "people with disabilities", and "accessible" for places. A degree ("severely handicapped students") moves with the disability: "students with severe disabilities".',
    forms: [
      { match: 'the handicapped', replace: ['people with disabilities'], asNoun: true },
      { match: 'handicapped parking', replace: ['accessible parking'] },
      { match: 'handicapped accessible', replace: ['accessible'] },
      { match: 'handicapped-accessible', replace: ['accessible'] },
      ...withDegree(DISABILITY_DEGREES, 'handicapped', (n, written, degree) => `${n} with ${isPlural(written) ? '' : 'a '}${degree} ${isPlural(written) ? 'disabilities' : 'disability'}`),
      ...withNoun('handicapped', (n, written) => `${n} with ${isPlural(written) ? 'disabilities' : 'a disability'}`),
      { match: 'handicapped', replace: ['with a disability', 'accessible'] },
    ],
  },
  {
    term: 'wheelchair-bound', category: 'disability', source: CDC,
    note: 'A wheelchair gives mobility; it does not bind or confine.',
    forms: [
      ...withNoun('wheelchair-bound', (n, written) => `${n} who ${isPlural(written) ? 'use wheelchairs' : 'uses a wheelchair'}`),
      ...withNoun('wheelchair bound', (n, written) => `${n} who ${isPlural(written) ? 'use wheelchairs' : 'uses a wheelchair'}`),
      { match: 'wheelchair-bound', replace: ['who uses a wheelchair', 'wheelchair user'] },
      { match: 'wheelchair bound', replace: ['who uses a wheelchair', 'wheelchair user'] },
      { match: 'is confined to a wheelchair', replace: ['uses a wheelchair'] },
      { match: 'are confined to wheelchairs', replace: ['use wheelchairs'] },
      { match: 'are confined to a wheelchair', replace: ['use a wheelchair'] },
      { match: 'confined to a wheelchair', replace: ['who uses a wheelchair'] },
      { match: 'confined to wheelchairs', replace: ['who use wheelchairs'] },
    ],
  },
  {
    term: 'suffers from', category: 'disability', source: CDC,
    notAfter: ['data', 'estimates', 'estimate', 'counts', 'numbers', 'figures', 'rates', 'results', 'records', 'sample', 'samples', 'survey', 'surveys', 'dataset', 'datasets', 'measure', 'measures', 'statistics', 'series', 'method', 'methods', 'system', 'systems', 'file', 'files', 'values', 'model', 'models', 'economy', 'coverage', 'quality', 'reporting'],
    notBefore: ['small', 'missing', 'low', 'sampling', 'bias', 'biases', 'limited', 'underreporting', 'under-reporting', 'nonresponse', 'non-response', 'measurement', 'error', 'errors', 'incomplete', 'data', 'a lack', 'lack', 'reporting', 'poor', 'gaps', 'delays', 'a delay', 'the same', 'similar', 'selection'],
    note: 'Casts a person as a victim of a condition. Data that "suffer from missing values" are not flagged.',
    forms: [
      { match: 'suffers from', replace: ['has', 'lives with'] },
      { match: 'suffer from', replace: ['have', 'live with'] },
      { match: 'suffered from', replace: ['had', 'lived with'] },
      { match: 'suffering from', replace: ['living with', 'who have'] },
      { match: 'afflicted with', replace: ['living with', 'who have'] },
      { match: 'afflicted by', replace: ['living with', 'who have'] },
      { match: 'stricken with', replace: ['living with', 'who have'] },
      { match: 'victims of', replace: ['people with'], notBefore: ['crime', 'crimes', 'violence', 'domestic', 'sexual', 'assault', 'abuse', 'fraud', 'theft', 'trafficking', 'human', 'identity', 'hate', 'the', 'a', 'an', 'child', 'elder', 'gun', 'homicide', 'robbery', 'burglary', 'larceny', 'motor', 'natural', 'disasters', 'disaster', 'fire', 'fires', 'flooding', 'floods', 'terrorism', 'war', 'police', 'bullying', 'harassment', 'stalking', 'neglect', 'these', 'this', 'such', 'other', 'their', 'violent', 'property', 'scams', 'cybercrime'] },
    ],
  },
  {
    term: 'mentally ill', category: 'disability', source: CDC,
    note: 'Labels people by a condition; CDC prefers "people with mental illness" or "people with a mental health condition". A degree moves with the condition ("seriously mentally ill adults" → "adults with serious mental illness"), the person-first form SAMHSA gives in "Behind the Term: Serious Mental Illness" (2016).',
    forms: [
      { match: 'the mentally ill', replace: ['people with mental illness'], asNoun: true },
      // SAMHSA's "serious mental illness" (and "severe and persistent mental illness") keep the degree.
      ...Object.entries(MENTAL_ILLNESS_DEGREES).flatMap(([adverb, degree]) => [
        { match: `the ${adverb} mentally ill`, replace: [`people with ${degree} mental illness`], asNoun: true },
        { match: `${adverb} mentally ill`, replace: [`with ${degree} mental illness`] },
      ]),
      ...withDegree(MENTAL_ILLNESS_DEGREES, 'mentally ill', (n, written, degree) => `${n} with ${isPlural(written) ? '' : 'a '}${degree} mental illness`),
      ...withNoun('mentally ill', (n, written) => `${n} with ${isPlural(written) ? 'mental illness' : 'a mental illness'}`),
      // After any form of "be" the rule makes "have" of the phrase ("who were mentally ill" → "who had
      // mental illness"), so "is"/"are" forms here would only word the same fix differently.
      { match: 'mentally ill', replace: ['with mental illness'] },
      { match: 'the mentally disabled', replace: ['people with intellectual disabilities'], asNoun: true },
      // Before a people noun the phrase moves after it: "retarded children" → "children with intellectual disabilities".
      ...withDegree(DISABILITY_DEGREES, 'mentally retarded', (n, written, degree) => `${n} with ${isPlural(written) ? '' : 'a '}${degree} intellectual ${isPlural(written) ? 'disabilities' : 'disability'}`),
      ...withNoun('mentally retarded', (n, written) => `${n} with ${isPlural(written) ? 'intellectual disabilities' : 'an intellectual disability'}`),
      ...withDegree(DISABILITY_DEGREES, 'retarded', (n, written, degree) => `${n} with ${isPlural(written) ? '' : 'a '}${degree} intellectual ${isPlural(written) ? 'disabilities' : 'disability'}`),
      ...withNoun('retarded', (n, written) => `${n} with ${isPlural(written) ? 'intellectual disabilities' : 'an intellectual disability'}`),
      { match: 'mentally retarded', replace: ['with an intellectual disability'] },
      { match: 'mental retardation', replace: ['intellectual disability'] },
      { match: 'retarded', replace: ['with an intellectual disability'], notBefore: ['growth'] },
      { match: 'the insane', replace: ['people with mental illness'], asNoun: true },
    ],
  },
  {
    // Neither this nor "lunatic" is named in the parts of CDC's and NIDA's pages read for this list;
    // both label people by a mental-health condition as "mentally ill" does, so they take the
    // replacements CDC gives for that label (see the entry above).
    term: 'emotionally disturbed', category: 'disability', source: CDC,
    note: 'Labels people by a condition, as "mentally ill" does; CDC prefers "people with a mental health condition". "Emotional disturbance", a category in special-education law, is not flagged.',
    forms: [
      { match: 'the emotionally disturbed', replace: ['people with mental health conditions'], asNoun: true },
      ...withNoun('seriously emotionally disturbed', (n, written) => `${n} with ${isPlural(written) ? 'serious mental health conditions' : 'a serious mental health condition'}`),
      ...withNoun('severely emotionally disturbed', (n, written) => `${n} with ${isPlural(written) ? 'serious mental health conditions' : 'a serious mental health condition'}`),
      ...withNoun('emotionally disturbed', (n, written) => `${n} with ${isPlural(written) ? 'mental health conditions' : 'a mental health condition'}`),
      { match: 'seriously emotionally disturbed', replace: ['with a serious mental health condition'] },
      { match: 'severely emotionally disturbed', replace: ['with a serious mental health condition'] },
      { match: 'emotionally disturbed', replace: ['with a mental health condition'] },
    ],
  },
  {
    term: 'lunatic', category: 'disability', source: CDC, notBefore: ['asylum', 'asylums'],
    note: 'A slur for people with a mental illness; CDC prefers "people with a mental illness" or "a mental health condition" for such labels. The adjective ("lunatic fringe") and historical names ("State Lunatic Asylum") are not flagged.',
    forms: [
      { match: 'lunatics', replace: ['people with mental illness', 'people with mental health conditions'] },
      { match: 'lunatic', replace: ['person with a mental illness', 'person with a mental health condition'], asNoun: true },
    ],
  },
  // ── health conditions as nouns ──
  {
    term: 'diabetic', category: 'health', source: CDC,
    note: 'As a noun it labels a person by a disease. Clinical terms ("diabetic retinopathy", "diabetic ketoacidosis") are not flagged.',
    forms: [
      { match: 'diabetics', replace: ['people with diabetes'] },
      { match: 'a diabetic', replace: ['a person with diabetes'], asNoun: true },
      ...withNoun('diabetic', (n) => `${n} with diabetes`),
    ],
  },
  {
    term: 'schizophrenic', category: 'health', source: CDC,
    note: 'As a noun it labels a person by a disease. The adjective describing symptoms is not flagged.',
    forms: [
      { match: 'schizophrenics', replace: ['people with schizophrenia'] },
      { match: 'a schizophrenic', replace: ['a person with schizophrenia'], asNoun: true },
      ...withNoun('schizophrenic', (n) => `${n} with schizophrenia`),
    ],
  },
  {
    term: 'epileptic', category: 'health', source: CDC,
    note: 'As a noun it labels a person by a condition. "Epileptic seizure" is not flagged.',
    forms: [
      { match: 'epileptics', replace: ['people with epilepsy'] },
      { match: 'an epileptic', replace: ['a person with epilepsy'], asNoun: true },
      ...withNoun('epileptic', (n) => `${n} with epilepsy`),
    ],
  },
  {
    term: 'obese people', category: 'health', source: CDC,
    note: 'CDC prefers person-first language: "people with obesity". "Morbidly" or "severely obese" becomes "with severe obesity", the name CDC gives the highest BMI class. The clinical category ("obese (BMI 30 or more)") is not flagged.',
    forms: [
      { match: 'the obese', replace: ['people with obesity'], asNoun: true },
      ...withDegree({ morbidly: 'severe', severely: 'severe' }, 'obese', (n, _written, degree) => `${n} with ${degree} obesity`),
      ...withNoun('obese', (n) => `${n} with obesity`),
    ],
  },
  // ── immigration ──
  {
    term: 'illegal alien', category: 'immigration', source: CDC,
    note: 'People are not illegal; CDC prefers "undocumented immigrants" or "immigrants without legal status".',
    forms: [
      ...noun('illegal alien', 'illegal aliens', ['undocumented immigrant', 'immigrant without legal status'], ['undocumented immigrants', 'immigrants without legal status']),
      ...noun('illegal immigrant', 'illegal immigrants', ['undocumented immigrant', 'immigrant without legal status'], ['undocumented immigrants', 'immigrants without legal status']),
      ...noun('illegal migrant', 'illegal migrants', ['undocumented migrant'], ['undocumented migrants']),
      ...noun('undocumented alien', 'undocumented aliens', ['undocumented immigrant'], ['undocumented immigrants']),
      ...noun('criminal alien', 'criminal aliens', ['noncitizen convicted of a crime'], ['noncitizens convicted of a crime']),
      { match: 'illegals', replace: ['undocumented immigrants'] },
    ],
  },
  // ── age ──
  {
    term: 'the elderly', category: 'age', source: CDC,
    note: 'CDC prefers "older adults". Program names with "Elderly" in them are best left as named; allow the term if so.',
    forms: [
      { match: 'the elderly', replace: ['older adults'], asNoun: true },
      { match: 'the aged', replace: ['older adults'], asNoun: true },
      ...withNoun('elderly', (n, written) => (['people', 'person', 'persons', 'individual', 'individuals'].includes(written) ? (isPlural(written) ? 'older adults' : 'older adult') : `older ${written}`)),
      ...noun('senior citizen', 'senior citizens', ['older adult'], ['older adults']),
    ],
  },
  // ── poverty ──
  {
    term: 'the poor', category: 'poverty', source: CDC,
    note: 'CDC prefers "people with lower incomes". "Poor" describing data ("the poor response rate") is not flagged.',
    forms: [{ match: 'the poor', replace: ['people with lower incomes'], asNoun: true }],
  },
];

const ordered = entries.map(({ term, category, forms, note, source, ...context }) => ({ term, category, ...context, forms, note, source }));
writeWordList('person-centered.json', 'Terms that label people by a condition or circumstance, with person-centered alternatives. Generated by scripts/make-person-centered.mjs.', ordered);
