import { mount } from 'svelte';
import App from './components/App.svelte';
import { connect } from './client';
import { DecisionExports } from './state/decision-exports.svelte';
import { DecisionLibrary } from './state/decision-library.svelte';
import './theme.css';

const connection = connect();
const library = new DecisionLibrary(connection.client);
const exports = new DecisionExports(connection);
mount(App, { target: document.getElementById('app')!, props: { library, exports } });
void library.load();
// Slider positions not yet written are sent as the page goes away.
addEventListener('pagehide', () => void library.editor?.flushWeights());
