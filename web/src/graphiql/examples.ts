/** The operations GraphiQL opens with, one tab each. */
export interface ExampleOperation {
  title: string;
  query: string;
  variables?: string;
}

/**
 * The README's first query (test/web/graphiqlExamples.test.ts keeps it identical), a statistics
 * query and a mutation.
 */
export const exampleOperations: readonly ExampleOperation[] = [
  {
    title: 'A first query',
    query:
      "# The README's first query: villages with their county and initiatives.\n" +
      'query FirstQuery { villages(first: 5) { nodes { name aliases codeVerified county { code name povertyTier } initiatives(first: 5) { nodes { nameZh category status } } } } }\n',
  },
  {
    title: 'Statistics',
    query: `# Loans and people lifted by county, and impact by mechanism.
query CountyStatistics($region: String) {
  loanStatistics(where: { inRegion: $region }, groupBy: [COUNTY], orderBy: [{ measure: LOAN_COUNT, direction: DESC }]) {
    groupCount
    groups { key { countyCode countyName } loanCount outstandingBalance nplRatio }
  }
  impactStatistics(where: { inRegion: $region }, groupBy: [MECHANISM]) {
    groups { key { mechanism } recordCount peopleDriven approximateCount }
  }
}
`,
    variables: '{ "region": "41" }',
  },
  {
    title: 'A mutation',
    query: `# Starts an asynchronous CSV export of Henan's loans; poll exportJob(id:) for the file.
mutation ExportHenanLoans {
  createExport(input: { kind: LOAN_FACTS, format: CSV, where: { inRegion: "41" } }) {
    exportJob { id status }
    userErrors { field code message }
  }
}
`,
  },
];
