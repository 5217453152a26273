// Sign-in, sign-out and API requests shared by the doctors' and operators' pages: the form posts to
// /j_security_check by fetch (no redirect); each page defines $() and start(), which runs once the session cookie is
// set. With the lab's identity provider (the service's 401 challenge says OpenIdConnect) the browser signs in on the
// provider's page instead.

// This page's name (annotate or operate): where the identity provider sends the browser back to.
function pageName() {
  return location.pathname.split('/')[1] || 'annotate';
}

// Shows the sign-in form; for a 401 that asks for the identity provider, goes to its sign-in page.
function showLogin(response) {
  const challenge = (response && response.headers.get('WWW-Authenticate')) || '';
  if (challenge.startsWith('OpenIdConnect')) {
    location.assign('/api/sign-in/' + pageName());
    return;
  }
  $('work').hidden = true;
  $('login').hidden = false;
  $('username').focus();
}

async function signIn(event) {
  event.preventDefault();
  const form = new URLSearchParams(new FormData($('login-form')));
  const response = await fetch('/j_security_check', { method: 'POST', body: form, credentials: 'same-origin',
    headers: { 'X-Requested-With': 'karyoloop' } });
  $('login-error').hidden = response.ok;
  if (response.ok) {
    await start();
  }
}

// Ends the session (the server expires the HttpOnly cookie) and shows the sign-in form again: shared
// workstations in the lab must not stay signed in as the last user. With the identity provider, its own session
// ends too: the answer names its end-session address, which returns to this page.
async function signOut() {
  const response = await fetch('/api/sign-out?page=' + pageName(), { method: 'POST', credentials: 'same-origin',
    headers: { 'X-Requested-With': 'karyoloop' } });
  $('who').textContent = '';
  if (response.status === 200) {
    const answer = await response.json();
    if (answer.endSession) {
      location.assign(answer.endSession);
      return;
    }
  }
  showLogin();
}

// A request to the service's API with the session cookie and the header the service asks of scripts, and a JSON
// body when one is given. A 401 shows the sign-in form (or goes to the identity provider) and throws.
async function request(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'karyoloop' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    showLogin(response);
    throw new Error('signed out');
  }
  return response;
}

// The signed-in user (GET /api/me: name and roles), or null once the sign-in form is shown.
async function signedInUser() {
  const me = await fetch('/api/me', { credentials: 'same-origin', headers: { 'X-Requested-With': 'karyoloop' } });
  if (!me.ok) {
    showLogin(me);
    return null;
  }
  return me.json();
}
