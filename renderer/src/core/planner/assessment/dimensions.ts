/**
 * The digital maturity self-assessment: eight dimensions, each with five described levels. The
 * wording is plain on purpose: a clerk in a township of 2,000 people should be able to pick a
 * level for each dimension in a minute or two, without a consultant.
 */

/** Ids of the dimensions, in the order the questionnaire asks them. */
export const DIMENSION_IDS = [
  'leadership-strategy',
  'connectivity',
  'online-services',
  'records-workflows',
  'data-open-data',
  'cybersecurity',
  'staff-skills',
  'resident-engagement',
] as const;

/** One dimension of digital maturity. */
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** A maturity level: 1 (just starting) to 5 (leading). */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/** The levels in order. */
export const MATURITY_LEVELS: readonly MaturityLevel[] = [1, 2, 3, 4, 5];

/** Short names of the levels, the same for every dimension. */
export const LEVEL_NAMES: Readonly<Record<MaturityLevel, string>> = {
  1: 'Just starting',
  2: 'Developing',
  3: 'Established',
  4: 'Advanced',
  5: 'Leading',
};

/** A dimension as the questionnaire shows it. */
export interface Dimension {
  id: DimensionId;
  label: string;
  /** The question, asked of the municipality as a whole. */
  question: string;
  /** What each level looks like in practice, from 1 to 5. */
  levels: Readonly<Record<MaturityLevel, string>>;
  /**
   * Topic ids from `content/vocabulary.yml` whose guide steps and case studies help a municipality
   * move up in this dimension (a unit test checks they all exist).
   */
  topics: readonly string[];
}

/** The eight dimensions of the self-assessment. */
export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'leadership-strategy',
    label: 'Leadership and strategy',
    question: 'How does council and senior staff lead digital change?',
    levels: {
      1: 'Digital change is not discussed by council or senior staff, and there is no plan or budget for it.',
      2: 'Some staff push for improvements, but there is no council direction and spending happens one purchase at a time.',
      3: 'Council has endorsed a digital plan or priorities, a lead is named, and there is a yearly budget line.',
      4: 'The plan is reviewed every year, progress is reported to council, and projects are chosen against clear priorities.',
      5: 'Digital is part of every department’s planning, partners and neighbours are involved, and results guide the next plan.',
    },
    topics: ['governance-strategy', 'funding', 'shared-services', 'provincial-collaboration'],
  },
  {
    id: 'connectivity',
    label: 'Connectivity',
    question: 'How good is internet service for your offices and your community?',
    levels: {
      1: 'The office connection is slow or unreliable, and many residents have no broadband at all.',
      2: 'The office has a workable connection, but large parts of the community fall well short of 50/10 Mbps.',
      3: 'The office meets 50/10 Mbps and you know where the gaps in the community are, on a map or a list.',
      4: 'You are working with partners or a regional network on a funded plan to close the community gaps.',
      5: 'Offices and nearly all homes and businesses have 50/10 Mbps or better, with reliable cellular coverage.',
    },
    topics: ['broadband'],
  },
  {
    id: 'online-services',
    label: 'Online services',
    question: 'Can residents and businesses deal with you online?',
    levels: {
      1: 'Almost every service needs a visit, a phone call or a paper form, and the website is mostly contact details.',
      2: 'Forms can be downloaded from the website, but they are printed, filled in by hand and returned in person.',
      3: 'Several common services, such as payments or simple requests, can be done fully online.',
      4: 'Most high-volume services, including permits, can be applied for, paid for and tracked online, and the website meets WCAG 2.0 AA.',
      5: 'Services are designed around residents, work well on phones, are measured for use and satisfaction, and keep improving.',
    },
    topics: ['e-permitting', 'customer-service', 'online-voting', 'accessibility'],
  },
  {
    id: 'records-workflows',
    label: 'Records and workflows',
    question: 'How are records, approvals and council business handled?',
    levels: {
      1: 'Records are mostly paper, agendas are printed, and approvals move by hand from desk to desk.',
      2: 'Files are on shared drives or in email, but there is no consistent naming or retention for electronic records.',
      3: 'A records retention by-law covers electronic records, and council agendas are electronic.',
      4: 'A records or document management system is in use, and key approvals and workflows run electronically.',
      5: 'Records are managed from creation to disposal, workflows are measured and improved, and paper is the exception.',
    },
    topics: ['records-management', 'council-meetings', 'reporting'],
  },
  {
    id: 'data-open-data',
    label: 'Data and open data',
    question: 'How do you use and share the data you hold?',
    levels: {
      1: 'Data is scattered across spreadsheets and paper, and no one knows fully what is held or where.',
      2: 'Some data sets are known and kept up to date, and basic maps exist, but little is shared.',
      3: 'Key data sets are listed with owners, GIS is used for planning, and some data is shared on request.',
      4: 'Open data is published on a schedule with a licence, and data informs reports to council.',
      5: 'Data is managed as an asset, shared with partners and the public by default, and used to measure results.',
    },
    topics: ['open-data', 'gis', 'privacy'],
  },
  {
    id: 'cybersecurity',
    label: 'Cybersecurity',
    question: 'How well are your systems and information protected?',
    levels: {
      1: 'There are no tested backups, passwords are shared, and no one knows who to call after an attack.',
      2: 'Backups run and antivirus is installed, but restores are not tested and staff get no security training.',
      3: 'Backups are tested, multi-factor sign-in is used for email and key systems, and staff get yearly awareness training.',
      4: 'There is a written incident response plan, regular patching, and security is checked in every purchase.',
      5: 'Security is reviewed by an independent party, incidents are practised, and risks are reported to council.',
    },
    topics: ['cybersecurity', 'privacy'],
  },
  {
    id: 'staff-skills',
    label: 'Staff skills',
    question: 'Do your staff have the skills and support to work digitally?',
    levels: {
      1: 'Many staff are uncomfortable with computers, and there is no training or in-house support.',
      2: 'A few people are relied on for everything digital, and training happens only when a system is bought.',
      3: 'Staff get training on the tools they use, and someone is responsible for IT support, in house or shared.',
      4: 'Digital skills are part of job descriptions and yearly learning plans, and staff help shape new services.',
      5: 'Staff lead improvements themselves, share skills with neighbouring municipalities, and the organization keeps learning.',
    },
    topics: ['digital-skills', 'shared-services', 'procurement'],
  },
  {
    id: 'resident-engagement',
    label: 'Resident engagement',
    question: 'How do you involve residents in decisions and keep them informed?',
    levels: {
      1: 'Residents hear about decisions through notices and the local paper, and input is only taken at meetings.',
      2: 'The municipality posts news on its website or social media, but rarely asks for input online.',
      3: 'Online surveys or comment forms are used for major decisions, and council meetings can be followed remotely.',
      4: 'An engagement platform or plan is used regularly, and results are reported back to residents.',
      5: 'Residents help design services and priorities, in accessible ways, and engagement reaches people who are usually not heard.',
    },
    topics: ['public-engagement', 'council-meetings', 'accessibility', 'french-language-services'],
  },
];

/** The dimension with this id. */
export function dimensionById(id: DimensionId): Dimension {
  const found = DIMENSIONS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown dimension: ${id}`); // unreachable for a DimensionId
  return found;
}
