/*
 * layerlab deck boot script (copied to slides/out/vendor/layerlab/deck.js).
 *
 * Order matters:
 *  0. fonts and figure images are loaded (they decide the heights measured below);
 *  1. mermaid renders every <pre class="mermaid"> while all slides are laid out (not display:none),
 *     so diagrams on hidden slides get real sizes — before reveal.js starts (JUPYTER-FACTS §5.4);
 *  2. every slide whose content is taller than the canvas is zoomed down to fit (not below
 *     MIN_ZOOM); what still does not fit is listed in window.layerlabDeck.overflowing;
 *  3. code and output blocks that scroll get a visible "more below" marker;
 *  4. reveal.js starts; in print view (?print-pdf) the deck is ready after reveal's pdf-ready event.
 * <html data-deck="ready"> (or "error") tells a headless browser when to look.
 */
(function () {
  'use strict';
  var MIN_ZOOM = 0.62;
  var root = document.documentElement;
  var state = { overflowing: [], zoomed: [], mermaid: 0, errors: [], fitMs: 0, timings: {} };
  function mark(name) { state.timings[name] = Math.round(performance.now()); }
  mark('script');
  window.layerlabDeck = state;

  var config = JSON.parse(document.getElementById('deck-config').textContent);
  var revealElement = document.querySelector('.reveal');

  function leafSections() {
    return Array.prototype.filter.call(document.querySelectorAll('.reveal .slides section'), function (section) {
      return section.querySelector('section') === null;
    });
  }

  function renderMermaid() {
    var blocks = document.querySelectorAll('pre.mermaid');
    if (blocks.length === 0) return Promise.resolve();
    if (!window.mermaid) return Promise.reject(new Error('mermaid.min.js is missing from vendor/mermaid'));
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'neutral',
      themeVariables: { fontSize: '22px' },
      fontFamily: getComputedStyle(revealElement).fontFamily,
      flowchart: { htmlLabels: false },
    });
    return window.mermaid.run({ nodes: Array.prototype.slice.call(blocks) }).then(function () {
      state.mermaid = blocks.length;
    });
  }

  // Zoom a slide body until it fits the space above the footer. Slides are measured one at a time
  // (only the measured one is laid out, so each reflow is cheap); heights come from
  // getBoundingClientRect, which includes the zoom. A smaller zoom also widens the text column, so
  // the height shrinks at least in proportion and a few proportional steps converge.
  function fitSlides() {
    var started = performance.now();
    leafSections().forEach(function (section, index) {
      var body = section.querySelector(':scope > .slide-body');
      if (!body) return;
      section.classList.add('measure-target');
      try {
        var footer = section.querySelector(':scope > .deck-footer');
        var top = body.getBoundingClientRect().top;
        var bottom = footer ? footer.getBoundingClientRect().top - 8 : section.getBoundingClientRect().bottom;
        var available = bottom - top;
        var height = function () { return body.getBoundingClientRect().height; };
        var zoom = 1;
        var measured = height();
        if (measured <= available) return;
        for (var step = 0; step < 6 && measured > available && zoom > MIN_ZOOM; step++) {
          zoom = Math.max(MIN_ZOOM, Math.floor(zoom * (available / measured) * 1000) / 1000);
          body.style.zoom = String(zoom);
          measured = height();
        }
        state.zoomed.push({ slide: index + 1, zoom: Math.round(zoom * 100) / 100 });
        var excess = Math.ceil(measured - available);
        if (excess > 0) {
          // Still too tall at the smallest readable zoom: the body scrolls above the footer (never
          // over it) and shows the "more below" marker; --check and the tests report the slide.
          section.setAttribute('data-overflow', String(excess));
          body.classList.add('is-overflowing');
          body.style.height = Math.floor(available / zoom) + 'px';
          state.overflowing.push({ slide: index + 1, excess: excess });
        }
      } finally {
        section.classList.remove('measure-target');
      }
    });
    state.fitMs = Math.round(performance.now() - started);
  }

  // A figure is an <img> with a data: URL; until it is decoded it has no height, and the fit
  // measurement would be wrong.
  function waitForImages() {
    var images = Array.prototype.slice.call(document.querySelectorAll('.reveal img'));
    return Promise.all(images.map(function (image) {
      return image.complete ? null : image.decode().catch(function () { return null; });
    }));
  }

  function markScrolledBlocks() {
    document.querySelectorAll('.reveal pre.output, .reveal pre.code-input, .reveal pre.code-block, .reveal .output-html, .reveal .slide-body.is-overflowing').forEach(function (block) {
      if (block.scrollHeight > block.clientHeight + 2) block.classList.add('is-scrolled');
      if (block.scrollWidth > block.clientWidth + 2) block.classList.add('is-wide');
    });
  }

  function startReveal() {
    var options = Object.assign({}, config.reveal, { plugins: [window.RevealNotes] });
    var ready = window.Reveal.initialize(options);
    if (!window.Reveal.isPrintView()) return ready;
    var pdfReady = new Promise(function (resolve) {
      window.Reveal.on('pdf-ready', resolve);
    });
    return Promise.all([ready, pdfReady]);
  }

  function fail(error) {
    state.errors.push(String(error && error.message ? error.message : error));
    root.setAttribute('data-deck', 'error');
    console.error('layerlab deck:', error);
  }

  root.setAttribute('data-deck', 'loading');
  revealElement.classList.add('measuring');
  var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
  fonts
    .then(function () { mark('fonts'); return waitForImages(); })
    .then(function () {
      mark('images');
      revealElement.classList.add('rendering');
      return renderMermaid();
    })
    .catch(fail) // a broken diagram is reported, and the rest of the deck still starts
    .then(function () {
      revealElement.classList.remove('rendering');
      mark('mermaid');
      fitSlides();
      mark('fitted');
      markScrolledBlocks();
      revealElement.classList.remove('measuring');
      return startReveal();
    })
    .then(function () {
      mark('reveal');
      if (state.errors.length === 0) root.setAttribute('data-deck', 'ready');
    })
    .catch(function (error) {
      revealElement.classList.remove('measuring');
      fail(error);
    });
})();
