import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every unit test runs with this. jsdom has no modal dialogs: showModal and close only set
// the `open` attribute, which is what the app's Dialog and the tests read.
if (typeof HTMLDialogElement !== 'undefined') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

// Each test starts from an empty document.
afterEach(cleanup);
