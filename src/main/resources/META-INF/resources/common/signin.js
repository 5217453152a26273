// Sign-in and sign-out shared by the doctors' and operators' pages: the form posts to /j_security_check by fetch
// (no redirect); each page defines $() and start(), which runs once the session cookie is set. With the lab's
// identity provider (the service's 401 challenge says OpenIdConnect) the browser signs in on the provider's page instead.

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
