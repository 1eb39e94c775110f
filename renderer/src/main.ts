import { mount } from 'svelte';
import App from './components/App.svelte';
import { connect } from './client';
import { DecisionExports } from './state/decision-exports.svelte';
import { DecisionLibrary } from './state/decision-library.svelte';
import './theme.css';

// Read before connecting: the browser host's client takes its token out of the address, fragment and all.
const requested = /(?:^#|&)decision=(\d+)/.exec(location.hash);
const connection = connect();
const library = new DecisionLibrary(connection.client, connection.subscribe);
const exports = new DecisionExports(connection);
// Asked for before the first render, so the answer is on its way while the page is built.
const loaded = library.load(requested ? Number(requested[1]) : null);
mount(App, { target: document.getElementById('app')!, props: { library, exports } });
void loaded.then(() => {
  if (location.hash === '#new') document.getElementById('new-decision-title')?.focus();
});
// Slider positions not yet written are sent as the page goes away.
addEventListener('pagehide', () => void library.editor?.flushWeights());
