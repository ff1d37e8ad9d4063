export { type ChangeFeed, type ChangeFeedOptions, createChangeFeed } from './changeFeed.js';
export { EventStream, type StreamLimits } from './eventStream.js';
export { type LiveContext, subscriptionResolvers } from './subscriptions.resolvers.js';
