/** The six dimensions of the seeded PyTorch vs TensorFlow decision, in matrix order. */
export const DIMENSIONS = [
  'Ease of use',
  'Dynamic vs static computation graphs',
  'Ecosystem and tools',
  'Deployment and production',
  'Community and industry adoption',
  'Performance and scalability',
];
