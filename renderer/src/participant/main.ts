import { mount } from 'svelte';
import '../theme.css';
import './participant.css';
import Participant from './Participant.svelte';
import { ParticipantSession } from './participant.svelte';

const session = new ParticipantSession(new URLSearchParams(location.search).get('code') ?? '');
mount(Participant, { target: document.getElementById('participant')!, props: { session } });
