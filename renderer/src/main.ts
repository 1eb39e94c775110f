import { mount } from 'svelte';
import App from './components/App.svelte';
import { createClient } from './client';
import { DecisionLibrary } from './state/decision-library.svelte';
import './theme.css';

const library = new DecisionLibrary(createClient());
mount(App, { target: document.getElementById('app')!, props: { library } });
void library.load();
// Slider positions not yet written are sent as the page goes away.
addEventListener('pagehide', () => void library.editor?.flushWeights());
