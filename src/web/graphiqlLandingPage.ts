import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { notBuiltPage, readWebFile } from './webDist.js';

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Dishui GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/web/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql"></div>
  <script src="/web/graphiql.js"></script>
</body>
</html>
`;

/**
 * Apollo's landing page for a browser's `GET /graphql`: Dishui's own GraphiQL bundle when
 * `enabled`, else no page at all (Apollo's default pages load their code from a CDN, which bank
 * networks do not reach).
 */
export function graphiqlLandingPage(enabled: boolean): ApolloServerPlugin {
  if (!enabled) return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          // Checked per request, so a bundle built after start is picked up.
          return { html: async () => ((await readWebFile('graphiql.js')) ? page : notBuiltPage('GraphiQL')) };
        },
      };
    },
  };
}
