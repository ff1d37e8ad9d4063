import { enterpriseImport } from './enterpriseImport.js';
import { loanImport } from './loanImport.js';
import { villageImport } from './villageImport.js';

/** The import kinds by the name the CLI and the routes take. */
export const importKinds = Object.freeze({ loans: loanImport, enterprises: enterpriseImport, villages: villageImport });
