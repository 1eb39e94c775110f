import { INTERCHANGE_FORMAT, OPEN_OUTCOME, type DecisionDocument } from '../interchange';

/**
 * The decision the app ships with. Facts come from a 2024 comparison of the two frameworks
 * (see the project README); every sentence here is the project's own.
 */
type CriterionKey = 'ease-of-use' | 'computation-graphs' | 'ecosystem' | 'deployment' | 'community' | 'performance';

/** Named weightings that reproduce the article's conclusion, keyed by criterion id. */
export const pytorchVsTensorflowWeightings: Record<'research' | 'production', Record<CriterionKey, number>> = {
  research: { 'ease-of-use': 30, 'computation-graphs': 30, ecosystem: 10, deployment: 5, community: 15, performance: 10 },
  production: { 'ease-of-use': 5, 'computation-graphs': 5, ecosystem: 20, deployment: 35, community: 15, performance: 20 },
};

const scale = (minLabel: string, maxLabel: string) => ({ min: 1, max: 5, minLabel, maxLabel });

export const pytorchVsTensorflow: DecisionDocument = {
  format: INTERCHANGE_FORMAT,
  decision: {
    title: 'PyTorch vs TensorFlow',
    context:
      'Which deep learning framework should the team standardise on? Both are mature and keep borrowing each other’s ideas, ' +
      'so the answer turns on what we do most: quick research and prototyping, or running models at scale in production. ' +
      'Move the weights to match the project and watch the ranking.',
    options: [
      { id: 'pytorch', name: 'PyTorch', description: 'Released in 2016 by Facebook’s AI Research lab; now governed by the Linux Foundation.' },
      { id: 'tensorflow', name: 'TensorFlow', description: 'Released in 2015 by the Google Brain team; backed by Google.' },
    ],
    criteria: [
      {
        id: 'ease-of-use',
        name: 'Ease of use',
        description: 'How quickly a developer becomes productive, and how easy models are to debug.',
        direction: 'benefit',
        scale: scale('steep learning curve, hard to debug', 'plain Python, debug with pdb'),
        weight: 25,
      },
      {
        id: 'computation-graphs',
        name: 'Dynamic vs static computation graphs',
        description: 'How freely the computation graph can change while the model runs (define-by-run versus define-and-run).',
        direction: 'benefit',
        scale: scale('graph fixed before running', 'graph built as the code runs'),
        weight: 20,
      },
      {
        id: 'ecosystem',
        name: 'Ecosystem and tools',
        description: 'Libraries and tools around the framework, across the whole machine learning lifecycle.',
        direction: 'benefit',
        scale: scale('few companion tools', 'end-to-end tooling'),
        weight: 15,
      },
      {
        id: 'deployment',
        name: 'Deployment and production',
        description: 'Serving models in production and shipping them to mobile, embedded and web targets.',
        direction: 'benefit',
        scale: scale('do-it-yourself serving', 'mature serving on every platform'),
        weight: 10,
      },
      {
        id: 'community',
        name: 'Community and industry adoption',
        description: 'Who uses it: research groups and conferences, and companies running it at scale.',
        direction: 'benefit',
        scale: scale('niche following', 'dominant in its field'),
        weight: 15,
      },
      {
        id: 'performance',
        name: 'Performance and scalability',
        description: 'Training speed and how well training spreads across many GPUs or TPUs.',
        direction: 'benefit',
        scale: scale('single machine, unoptimised', 'built-in distribution, graph-level optimisation'),
        weight: 15,
      },
    ],
    scores: [
      {
        option: 'pytorch',
        criterion: 'ease-of-use',
        value: 5,
        rationale:
          'Models are ordinary, idiomatic Python that runs line by line, so the standard debugger and print statements just work. Researchers can try an idea in minutes.',
        source: 'Seed article, “Ease of Use”',
      },
      {
        option: 'tensorflow',
        criterion: 'ease-of-use',
        value: 3,
        rationale:
          'Version 2.0 made eager execution the default and removed most of the session boilerplate, yet newcomers still face a steeper climb than with PyTorch.',
        source: 'Seed article, “Ease of Use”',
      },
      {
        option: 'pytorch',
        criterion: 'computation-graphs',
        value: 5,
        rationale:
          'The graph is recorded afresh on every iteration, so variable-length sequences, branches and loops inside a model are written as normal control flow.',
        source: 'Seed article, “Dynamic vs. Static Computation Graphs”',
      },
      {
        option: 'tensorflow',
        criterion: 'computation-graphs',
        value: 4,
        rationale:
          'Eager mode now gives the same run-as-you-go style, and the older static mode is still there when a fixed, optimisable graph is wanted — flexibility with an extra mode to learn.',
        source: 'Seed article, “Dynamic vs. Static Computation Graphs”',
      },
      {
        option: 'pytorch',
        criterion: 'ecosystem',
        value: 4,
        rationale:
          'TorchVision, TorchText, PyTorch Lightning and ONNX export cover most needs and the list keeps growing, though it was long behind TensorFlow’s.',
        source: 'Seed article, “Ecosystem and Tools”',
      },
      {
        option: 'tensorflow',
        criterion: 'ecosystem',
        value: 5,
        rationale:
          'TensorBoard, TensorFlow Lite, TensorFlow Serving and TensorFlow Hub span the path from experiment to product, which is why enterprises pick it for end-to-end work.',
        source: 'Seed article, “Ecosystem and Tools”',
      },
      {
        option: 'pytorch',
        criterion: 'deployment',
        value: 3,
        rationale:
          'Production tooling arrived late; TorchServe, built with AWS, and export to ONNX runtimes have narrowed the gap without closing it.',
        source: 'Seed article, “Deployment and Production”',
      },
      {
        option: 'tensorflow',
        criterion: 'deployment',
        value: 5,
        rationale:
          'TensorFlow Serving handles high-throughput model serving, TensorFlow Lite targets phones and devices, and TensorFlow.js runs models in the browser.',
        source: 'Seed article, “Deployment and Production”',
      },
      {
        option: 'pytorch',
        criterion: 'community',
        value: 4,
        rationale:
          'The favourite of researchers: more NeurIPS and CVPR papers use it, and Hugging Face Transformers builds on it. Its lead in industry is smaller.',
        source: 'Seed article, “Community and Industry Adoption”',
      },
      {
        option: 'tensorflow',
        criterion: 'community',
        value: 4,
        rationale:
          'The wider choice in industry, especially for large production systems, helped by Google’s backing; it has lost ground to PyTorch in research.',
        source: 'Seed article, “Community and Industry Adoption”',
      },
      {
        option: 'pytorch',
        criterion: 'performance',
        value: 4,
        rationale:
          'Distributed Data Parallel and TorchElastic made multi-GPU training solid; the dynamic graph can cost some speed against an optimised static graph.',
        source: 'Seed article, “Performance and Scalability”',
      },
      {
        option: 'tensorflow',
        criterion: 'performance',
        value: 5,
        rationale:
          'Distribution across many GPUs and TPUs is built in, and the static graph leaves room for whole-graph optimisations that can run faster.',
        source: 'Seed article, “Performance and Scalability”',
      },
    ],
    outcome: OPEN_OUTCOME,
    weighting: { method: 'direct' },
  },
};
