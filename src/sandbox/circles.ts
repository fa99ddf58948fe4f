// Exotel's telecom circle and operator codes (docs/exotel-api-notes.md, Number metadata). CircleName uses the long official
// service-area names, as in the legacy example "Gujarat Telecom Circle (includes Daman & Diu, …)".

export const CIRCLES: Readonly<Record<string, string>> = {
  AP: 'Andhra Pradesh Telecom Circle (includes Telangana)',
  AS: 'Assam Telecom Circle',
  BR: 'Bihar Telecom Circle (includes Jharkhand)',
  CH: 'Chennai Metro Telecom Circle',
  DL: 'Delhi Metro Telecom Circle (includes NCR, Faridabad, Ghaziabad, Gurgaon & Noida)',
  GJ: 'Gujarat Telecom Circle (includes Daman & Diu, Dadra & Nagar Haveli)',
  HP: 'Himachal Pradesh Telecom Circle',
  HR: 'Haryana Telecom Circle (excludes Faridabad, Gurgaon & Panchkula)',
  JK: 'Jammu & Kashmir Telecom Circle (includes Ladakh)',
  KA: 'Karnataka Telecom Circle',
  KL: 'Kerala Telecom Circle (includes Lakshadweep)',
  KO: 'Kolkata Metro Telecom Circle (includes parts of Haora, Hooghly, North & South 24 Parganas and Nadia Districts)',
  MH: 'Maharashtra Telecom Circle (includes Goa, excludes Mumbai, Navi Mumbai & Kalyan)',
  MP: 'Madhya Pradesh Telecom Circle (includes Chhattisgarh)',
  MU: 'Mumbai Metro Telecom Circle (includes Navi Mumbai & Kalyan)',
  NE: 'North East Telecom Circle (includes Arunachal Pradesh, Manipur, Meghalaya, Mizoram, Nagaland & Tripura)',
  OR: 'Orissa Telecom Circle',
  PB: 'Punjab Telecom Circle (includes Chandigarh & Panchkula)',
  RJ: 'Rajasthan Telecom Circle',
  TN: 'Tamil Nadu Telecom Circle (includes Puducherry)',
  UE: 'Uttar Pradesh (East) Telecom Circle',
  UW: 'Uttar Pradesh (West) Telecom Circle (includes Uttarakhand, excludes Ghaziabad & Noida)',
  WB: 'West Bengal Telecom Circle (includes Andaman & Nicobar, Sikkim, excludes Kolkata)',
};
export const CIRCLE_CODES = Object.keys(CIRCLES);

/** The legacy list (also copied into community code). No Jio code exists in any public list. */
export const OPERATORS: Readonly<Record<string, string>> = {
  AC: 'Aircel',
  A: 'Airtel',
  AL: 'Allianz',
  B: 'BSNL',
  D: 'Dishnet',
  E: 'Etisalat',
  H: 'HFCL',
  I: 'Idea',
  LO: 'Loop',
  MT: 'MTNL',
  P: 'Ping',
  R: 'Reliance',
  S: 'Sistema',
  ST: 'S Tel',
  T: 'Tata',
  U: 'Unitech',
  VI: 'Videocon',
  V: 'Vodafone',
};

/** Mobile series are spread over these (weighted by repetition towards the big networks). */
export const MOBILE_OPERATORS = ['A', 'A', 'A', 'V', 'V', 'V', 'I', 'I', 'R', 'R', 'B', 'T', 'AC', 'U', 'VI', 'S', 'LO', 'MT'];

/** Landline STD codes (without the 0) → circle, for the best-known cities. */
export const STD_CIRCLES: Readonly<Record<string, string>> = {
  '11': 'DL', '22': 'MU', '33': 'KO', '44': 'CH', '80': 'KA', '40': 'AP', '79': 'GJ', '20': 'MH',
  '120': 'DL', '124': 'DL', '129': 'DL', '141': 'RJ', '172': 'PB', '177': 'HP', '191': 'JK', '194': 'JK',
  '361': 'AS', '364': 'NE', '471': 'KL', '484': 'KL', '522': 'UE', '542': 'UE', '135': 'UW', '562': 'UW',
  '612': 'BR', '651': 'BR', '674': 'OR', '755': 'MP', '771': 'MP', '422': 'TN', '431': 'TN', '452': 'TN',
  '261': 'GJ', '265': 'GJ', '712': 'MH', '832': 'MH', '821': 'KA', '824': 'KA', '181': 'PB', '184': 'HR',
  '1662': 'HR', '353': 'WB', '343': 'WB',
};
