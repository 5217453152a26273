// Sign-in and sign-out shared by the doctors' and operators' pages: the form posts to /j_security_check by fetch
// (no redirect); each page defines $() and start(), which runs once the session cookie is set.
function showLogin() {
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
// workstations in the lab must not stay signed in as the last user.
async function signOut() {
  await fetch('/api/sign-out', { method: 'POST', credentials: 'same-origin',
    headers: { 'X-Requested-With': 'karyoloop' } });
  $('who').textContent = '';
  showLogin();
}
