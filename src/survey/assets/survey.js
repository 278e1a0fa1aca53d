// Progressive enhancement for survey pages. Every page works without this file; with it: quick exit that
// leaves no back-history entry (and Esc three times), autosave of the page as it changes, and "Read aloud"
// buttons that read a question and its answers in the page's language, only when pressed. No third-party requests.

const doc = document;

// ---- Quick exit ----------------------------------------------------------------------------------------
const exitLink = doc.querySelector('[data-quick-exit]');

function leave(event) {
  if (event) event.preventDefault();
  if (!exitLink) return;
  const beacon = exitLink.getAttribute('data-beacon');
  // Tells the server to forget the survey on this device; fire-and-forget, never delays leaving.
  if (beacon && navigator.sendBeacon) {
    try {
      navigator.sendBeacon(beacon);
    } catch {
      /* leaving matters more than forgetting */
    }
  }
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  doc.body.hidden = true;
  doc.title = '';
  // replace(): the survey page does not stay in this tab's back history where the browser allows it.
  window.location.replace(exitLink.href);
}

if (exitLink) {
  exitLink.addEventListener('click', leave);
  const hint = doc.querySelector('[data-exit-hint]');
  if (hint) hint.hidden = false;
  let presses = [];
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' && e.key !== 'Esc') return;
    const now = Date.now();
    presses = presses.filter((t) => now - t < 2000).concat(now);
    if (presses.length >= 3) leave();
  });
}

// ---- Autosave ------------------------------------------------------------------------------------------
const form = doc.querySelector('form[data-autosave]');

if (form && window.fetch && window.URLSearchParams) {
  let timer;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const data = new URLSearchParams(new FormData(form));
      data.set('action', 'autosave');
      // Fails silently: Continue saves the page anyway.
      fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' }).catch(() => {});
    }, 700);
  };
  form.addEventListener('change', (e) => {
    const box = e.target;
    // "I don't want to say" and the other ticks of the same question exclude each other.
    if (box.type === 'checkbox' && box.checked) {
      for (const other of form.querySelectorAll('input[type="checkbox"]')) {
        if (other !== box && other.name === box.name && (box.hasAttribute('data-declined') || other.hasAttribute('data-declined'))) {
          other.checked = false;
        }
      }
    }
    save();
  });
  form.addEventListener('input', (e) => {
    if (e.target.tagName === 'TEXTAREA') save();
  });
  form.addEventListener('submit', () => clearTimeout(timer));
}

// Send once: a second click while the first is on its way does nothing (the server is idempotent anyway).
for (const button of doc.querySelectorAll('[data-once]')) {
  const owner = button.form;
  if (owner) {
    owner.addEventListener('submit', (e) => {
      if (owner.dataset.sent) e.preventDefault();
      owner.dataset.sent = '1';
    });
  }
}

// Move focus to the error summary so it is read first.
const summary = doc.querySelector('[data-error-summary]');
if (summary) summary.focus();

// ---- Read aloud ----------------------------------------------------------------------------------------
// Each question's "Read aloud" button reads the question, its help, then each answer, one utterance
// each, in the page's language, and marks the part being read with `bs-reading`. Pressed again it says
// "Stop" and stops. The button's words change rather than an aria-pressed state (a toggle's name must
// not change), and nothing read is put in a live region, so a screen reader never speaks over it.
const synth = window.speechSynthesis;
const listenButtons = doc.querySelectorAll('[data-listen]');
const pageLang = (doc.documentElement.lang || 'en').toLowerCase().split('-')[0];
const READING = 'bs-reading';
// Each reading has a number: events of a reading that was stopped (or replaced) are ignored.
let reading = 0;
let readingButton = null;

function voiceForPage() {
  return synth.getVoices().find((v) => (v.lang || '').toLowerCase().replace('_', '-').split('-')[0] === pageLang);
}

function textOf(el) {
  return (el.textContent || '').replace(/\s+/g, ' ').trim();
}

function labelButton(button, stop) {
  const words = button.querySelector('[data-listen-words]');
  if (words) words.textContent = button.getAttribute(stop ? 'data-stop' : 'data-read');
  button.classList.toggle('bs-listen--on', stop);
}

function stopReading() {
  reading += 1;
  synth.cancel();
  for (const el of doc.querySelectorAll(`.${READING}`)) el.classList.remove(READING);
  if (readingButton) labelButton(readingButton, false);
  readingButton = null;
}

function readAloud(button, voice) {
  const wasOn = readingButton === button;
  stopReading();
  if (wasOn) return;
  const scope = button.closest('[data-question]');
  if (!scope) return;
  // Numbers of a 0-10 row are not read one by one: the scale's hint says what the ends mean.
  const parts = [...scope.querySelectorAll('[data-say]')]
    .filter((el) => !el.closest('.bs-options--score'))
    .map((el) => ({ el, text: textOf(el) }))
    .filter((p) => p.text);
  if (parts.length === 0) return;
  const mine = reading;
  readingButton = button;
  labelButton(button, true);
  parts.forEach((part, i) => {
    const utterance = new SpeechSynthesisUtterance(part.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onstart = () => {
      if (mine !== reading) return;
      for (const el of scope.querySelectorAll(`.${READING}`)) el.classList.remove(READING);
      part.el.classList.add(READING);
    };
    const finished = () => {
      if (mine !== reading) return;
      part.el.classList.remove(READING);
      if (i === parts.length - 1) stopReading();
    };
    utterance.onend = finished;
    utterance.onerror = () => {
      // One part failing ends the reading: nothing is left highlighted or half-read.
      if (mine === reading) stopReading();
    };
    synth.speak(utterance);
  });
}

if (synth && window.SpeechSynthesisUtterance && listenButtons.length > 0) {
  const setUp = () => {
    const voice = voiceForPage();
    // No voice for this language: the buttons stay hidden rather than read in the wrong accent.
    if (!voice) return;
    for (const b of listenButtons) {
      b.hidden = false;
      b.onclick = () => readAloud(b, voice);
    }
  };
  setUp();
  if (synth.addEventListener) synth.addEventListener('voiceschanged', setUp);
  doc.addEventListener('keydown', (e) => {
    if ((e.key === 'Escape' || e.key === 'Esc') && readingButton) stopReading();
  });
  window.addEventListener('pagehide', () => synth.cancel());
}
