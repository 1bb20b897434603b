// The phone side of the Pramaan simulator: renders what the bridge sent through the Graph API stand-in and
// turns typing, taps and photos into signed webhooks (the server signs them with the app secret).
(function () {
  'use strict';
  const chat = document.getElementById('chat');
  const composer = document.getElementById('composer');
  const phoneInput = document.getElementById('phone');
  const sheet = document.getElementById('sheet');
  const presence = document.getElementById('presence');
  let after = 0;
  let typing = null;
  let typingTimer = null;

  phoneInput.value = localStorage.getItem('pramaan.sim.phone') || '919876543210';
  phoneInput.addEventListener('change', () => {
    localStorage.setItem('pramaan.sim.phone', phoneInput.value.trim());
    chat.innerHTML = '';
    after = 0;
  });
  const phone = () => phoneInput.value.trim();

  function time() {
    const d = new Date();
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  // WhatsApp's *bold* and _italic_, applied to escaped text only.
  function formatted(text) {
    const span = document.createElement('span');
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    span.innerHTML = escaped.replace(/\*([^*\n]+)\*/g, '<b>$1</b>').replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>');
    return span;
  }

  function bubble(side, text, extraClass) {
    const div = document.createElement('div');
    div.className = 'bubble ' + side + (extraClass ? ' ' + extraClass : '');
    if (text) div.appendChild(formatted(text));
    const t = document.createElement('span');
    t.className = 'time';
    t.textContent = time() + (side === 'out' ? ' ✓✓' : '');
    div.appendChild(t);
    chat.appendChild(div);
    chat.scrollTop = chat.scrollHeight;
    return div;
  }

  function showTyping() {
    hideTyping();
    typing = document.createElement('div');
    typing.className = 'typing';
    typing.textContent = 'typing…';
    chat.appendChild(typing);
    presence.textContent = 'typing…';
    chat.scrollTop = chat.scrollHeight;
    typingTimer = setTimeout(hideTyping, 15000);
  }

  function hideTyping() {
    if (typing) typing.remove();
    typing = null;
    presence.textContent = 'online';
    clearTimeout(typingTimer);
  }

  async function post(body) {
    showTyping();
    const response = await fetch('/simulator/api/send', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ phone: phone(), name: 'Simulator' }, body))
    });
    if (!response.ok) { hideTyping(); bubble('in', '⚠ The bridge refused the message (' + response.status + ')'); }
  }

  function sendText() {
    const text = composer.value.trim();
    if (!text) return;
    composer.value = '';
    bubble('out', text);
    post({ text: text });
  }

  function reply(kind, id, title) {
    bubble('out', title);
    post({ replyId: id, replyTitle: title, kind: kind });
  }

  function renderButtons(body, message) {
    const box = document.createElement('div');
    box.className = 'actions';
    const buttons = message.interactive.action.buttons || [];
    buttons.forEach(b => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'reply-button';
      button.dataset.id = b.reply.id;
      button.textContent = b.reply.title;
      button.addEventListener('click', () => {
        box.querySelectorAll('button').forEach(x => { x.disabled = true; });
        reply('button_reply', b.reply.id, b.reply.title);
      });
      box.appendChild(button);
    });
    chat.appendChild(box);
  }

  function renderList(message) {
    const action = message.interactive.action;
    const box = document.createElement('div');
    box.className = 'actions';
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'list-open';
    open.textContent = '☰ ' + action.button;
    open.addEventListener('click', () => openSheet(action));
    box.appendChild(open);
    chat.appendChild(box);
  }

  function openSheet(action) {
    document.getElementById('sheet-title').textContent = action.button;
    const rows = document.getElementById('sheet-rows');
    rows.innerHTML = '';
    (action.sections || []).forEach(section => {
      if (section.title) {
        const h = document.createElement('div');
        h.className = 'section-title';
        h.textContent = section.title;
        rows.appendChild(h);
      }
      section.rows.forEach(row => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'list-row';
        b.dataset.id = row.id;
        b.textContent = row.title;
        if (row.description) {
          const small = document.createElement('small');
          small.textContent = row.description;
          b.appendChild(small);
        }
        b.addEventListener('click', () => { sheet.hidden = true; reply('list_reply', row.id, row.title); });
        rows.appendChild(b);
      });
    });
    sheet.hidden = false;
  }

  function renderDocument(message) {
    const doc = message.document;
    const div = bubble('in', doc.caption || '', 'document');
    const box = document.createElement('div');
    box.className = 'doc';
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.textContent = 'PDF';
    const link = document.createElement('a');
    link.className = 'doc-link';
    link.href = '/simulator/api/media/' + encodeURIComponent(doc.id);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = doc.filename || 'document.pdf';
    box.appendChild(icon);
    box.appendChild(link);
    div.insertBefore(box, div.firstChild);
  }

  function renderTemplate(message) {
    const t = message.template;
    const params = (t.components || []).flatMap(c => (c.parameters || []).map(p => p.text));
    bubble('in', '📋 ' + (params.join(' ') || t.name), 'template');
    renderButtons(null, { interactive: { action: { buttons: [{ reply: { id: 'resume', title: 'OK' } }] } } });
  }

  function render(message) {
    hideTyping();
    switch (message.type) {
      case 'text': bubble('in', message.text.body); break;
      case 'document': renderDocument(message); break;
      case 'template': renderTemplate(message); break;
      case 'interactive': {
        const i = message.interactive;
        const text = i.body.text + (i.footer ? '\n' + i.footer.text : '');
        bubble('in', text, 'interactive');
        if (i.type === 'button') renderButtons(text, message); else renderList(message);
        break;
      }
      default: bubble('in', '[' + message.type + ']');
    }
  }

  async function poll() {
    try {
      const response = await fetch('/simulator/api/chat?phone=' + encodeURIComponent(phone()) + '&after=' + after);
      if (response.ok) {
        const data = await response.json();
        data.messages.forEach(m => { after = Math.max(after, m.seq); render(m.body); });
      }
    } catch (e) {
      presence.textContent = 'offline';
    }
    setTimeout(poll, 600);
  }

  document.getElementById('send').addEventListener('click', sendText);
  composer.addEventListener('keydown', e => { if (e.key === 'Enter') sendText(); });
  document.getElementById('sheet-close').addEventListener('click', () => { sheet.hidden = true; });
  document.getElementById('file').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (!file) return;
    const shown = bubble('out', file.type.startsWith('image/') ? '' : '📄 ' + file.name);
    if (file.type.startsWith('image/')) {
      const img = document.createElement('img');
      img.className = 'photo';
      img.src = URL.createObjectURL(file);
      shown.insertBefore(img, shown.firstChild);
    }
    const form = new FormData();
    form.append('phone', phone());
    form.append('file', file);
    showTyping();
    await fetch('/simulator/api/photo', { method: 'POST', body: form });
    e.target.value = '';
  });
  poll();
})();
