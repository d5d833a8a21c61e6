/*
 * flowseg uncertainty dashboard: loads the latest alerted cases and the hourly statistics once, then follows
 * the server-sent events on /api/events (event "case": one CaseView, event "stats": the hourly rows).
 * Plain DOM code on purpose: the page is served as a static resource, without a build step or libraries.
 */
(function () {
    'use strict';

    var MAX_CASES = 24;
    var HOURS = 24;
    var HOUR_MS = 3600 * 1000;
    var IMAGE_RETRY_MS = 1500;
    var RECONNECT_MS = 5000;

    // The summary figures' catalogue (id, label, unit), in order, from /api/figures; loaded before any card.
    var figures = [];
    var SEVERITY_RANK = { INFO: 1, WARNING: 2, CRITICAL: 3 };
    var COMPARATORS = { GT: '>', GE: '≥', GTE: '≥', LT: '<', LE: '≤', LTE: '≤', EQ: '=' };

    var grid = document.getElementById('cases');
    var rates = document.getElementById('rates');
    var connection = document.getElementById('connection');
    var lastUpdate = document.getElementById('last-update');
    var caseCount = document.getElementById('case-count');

    // ---------------------------------------------------------------- formatting

    /** Numbers with 4 significant digits; integral values (pixel counts, M) as they are. */
    function num(v) {
        if (v === null || v === undefined || v === '' || isNaN(Number(v))) {
            return '—';
        }
        var n = Number(v);
        if (Number.isInteger(n)) {
            return String(n);
        }
        return n.toPrecision(4);
    }

    function percent(v) {
        if (v === null || v === undefined || isNaN(Number(v))) {
            return '—';
        }
        return (Number(v) * 100).toFixed(1) + ' %';
    }

    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }

    function utc(iso) {
        var d = new Date(iso);
        if (isNaN(d.getTime())) {
            return iso ? String(iso) : '—';
        }
        return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' '
            + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + ' UTC';
    }

    function hourLabel(ms) {
        return pad(new Date(ms).getUTCHours()) + ':00';
    }

    var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

    function dayHour(ms) {
        var d = new Date(ms);
        return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + hourLabel(ms);
    }

    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        if (attrs) {
            Object.keys(attrs).forEach(function (key) {
                if (attrs[key] === null || attrs[key] === undefined) {
                    return;
                }
                if (key === 'text') {
                    node.textContent = attrs[key];
                } else if (key === 'className') {
                    node.className = attrs[key];
                } else {
                    node.setAttribute(key, attrs[key]);
                }
            });
        }
        (children || []).forEach(function (child) {
            if (child !== null && child !== undefined) {
                node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
            }
        });
        return node;
    }

    var SVG_NS = 'http://www.w3.org/2000/svg';

    function svg(tag, attrs, text) {
        var node = document.createElementNS(SVG_NS, tag);
        Object.keys(attrs || {}).forEach(function (key) {
            node.setAttribute(key, attrs[key]);
        });
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function touched() {
        var now = new Date();
        lastUpdate.textContent = pad(now.getHours()) + ':' + pad(now.getMinutes()) + ':' + pad(now.getSeconds());
        lastUpdate.setAttribute('datetime', now.toISOString());
    }

    // ---------------------------------------------------------------- case cards

    /**
     * An image that records its outcome in data attributes (tests and screenshots wait on them) and retries once:
     * the segmentation, and so the overlay and variance map, can be stored a moment after the alert.
     */
    function image(src, className, alt) {
        var img = el('img', { className: className, alt: alt, loading: 'eager', decoding: 'async' });
        var retried = false;
        img.addEventListener('load', function () {
            img.setAttribute('data-loaded', 'true');
            img.removeAttribute('data-failed');
        });
        img.addEventListener('error', function () {
            img.setAttribute('data-failed', 'true');
            if (!retried && src) {
                retried = true;
                setTimeout(function () {
                    img.src = src + (src.indexOf('?') < 0 ? '?' : '&') + 'retry=1';
                }, IMAGE_RETRY_MS);
            }
        });
        if (src) {
            img.src = src;
        } else {
            img.setAttribute('data-failed', 'true');
        }
        return img;
    }

    function worstSeverity(alerts) {
        var worst = null;
        (alerts || []).forEach(function (a) {
            if (!worst || (SEVERITY_RANK[a.severity] || 0) > (SEVERITY_RANK[worst] || 0)) {
                worst = a.severity;
            }
        });
        return worst;
    }

    function alertTitle(a) {
        var comparator = a.comparator || '';
        var symbol = COMPARATORS[comparator];
        return (a.policyId || '?') + ': ' + (a.figure || '?') + ' ' + num(a.observed) + ' '
            + comparator + (symbol ? ' (' + symbol + ')' : '') + ' ' + num(a.threshold)
            + (a.description ? '\n' + a.description : '');
    }

    function figureRow(label, id, text, unit) {
        return el('tr', { 'data-figure': id }, [
            el('th', { text: label }),
            el('td', null, [text, unit ? el('span', { className: 'unit', text: ' ' + unit }) : null])
        ]);
    }

    function card(c) {
        var images = c.images || {};
        var alerts = c.alerts || [];
        var worst = worstSeverity(alerts);

        var overlay = image(images.overlay, 'overlay', 'image with consensus mask overlay, ' + c.studyId);
        var overlayFrame = images.image
            ? el('a', { href: images.image, target: '_blank', rel: 'noopener', title: 'open the plain image' },
                [overlay])
            : el('div', { className: 'frame' }, [overlay]);
        var variance = image(images.variance, 'variance', 'per-pixel variance of the samples, ' + c.studyId);

        var badges = el('div', { className: 'badges' }, alerts.map(function (a) {
            return el('span', {
                className: 'badge sev-' + (a.severity || 'INFO'),
                title: alertTitle(a),
                'data-severity': a.severity,
                'data-policy-id': a.policyId,
                text: (a.severity || 'ALERT') + ' · ' + (a.policyId || '?')
            });
        }));
        var descriptions = alerts.filter(function (a) { return a.description; });
        var descs = descriptions.length
            ? el('ul', { className: 'descs' }, descriptions.map(function (a) {
                return el('li', { title: alertTitle(a), text: a.description });
            }))
            : null;

        var values = c.figures || {};
        var rows = figures.map(function (f) {
            var value = f.id === 'samples' && c.settings && c.settings.samples != null ? c.settings.samples : values[f.id];
            var text = num(value);
            return figureRow(f.label, f.id, text, f.unit && text !== '—' ? f.unit : null);
        });
        rows.push(figureRow('guidance w', 'guidance', num(c.settings && c.settings.guidance), null));

        var where = [c.site, c.modality, c.bodyPart].filter(Boolean).join(' / ');
        return el('article', {
            className: 'case' + (worst ? ' sev-' + worst : ''),
            'data-study-id': c.studyId,
            'data-raised-at': c.raisedAt
        }, [
            el('div', { className: 'case-head' }, [
                el('h3', { title: c.studyId, text: c.studyId }),
                el('span', { className: 'live-tag', text: 'live' })
            ]),
            el('div', { className: 'meta' }, [
                el('span', { className: 'where', text: where || '—' }),
                el('br'),
                'acquired ' + utc(c.acquisitionTime),
                c.raisedAt ? el('br') : null,
                c.raisedAt ? 'alerted ' + utc(c.raisedAt) : null
            ]),
            el('div', { className: 'pics' }, [
                el('figure', { className: 'pic' }, [overlayFrame, el('figcaption', { text: 'consensus mask' })]),
                el('figure', { className: 'pic' }, [
                    variance,
                    el('figcaption', { className: 'legend', title: 'per-pixel variance of the M samples' }, [
                        el('span', { className: 'ramp' }),
                        el('span', { text: 'variance 0 → 0.25, viridis' })
                    ])
                ])
            ]),
            badges,
            descs,
            el('table', { className: 'figures' }, [el('tbody', null, rows)])
        ]);
    }

    function cards() {
        return Array.prototype.slice.call(grid.querySelectorAll('article.case'));
    }

    function findCard(studyId) {
        return cards().filter(function (node) {
            return node.getAttribute('data-study-id') === studyId;
        })[0] || null;
    }

    function afterCasesChanged() {
        var n = cards().length;
        var empty = document.getElementById('cases-empty');
        if (n === 0 && !empty) {
            grid.appendChild(el('p', { className: 'empty', id: 'cases-empty', text: 'No alerted cases yet.' }));
        } else if (n > 0 && empty) {
            empty.remove();
        }
        caseCount.textContent = n ? n + (n === 1 ? ' case' : ' cases') : '';
    }

    /** Renders the /api/cases list in its order, keeping cards (and loaded images) that did not change. */
    function renderCases(list) {
        var existing = {};
        cards().forEach(function (node) {
            existing[node.getAttribute('data-study-id')] = node;
        });
        var seen = {};
        var ordered = [];
        (list || []).forEach(function (c) {
            if (!c || !c.studyId || seen[c.studyId] || ordered.length >= MAX_CASES) {
                return;
            }
            seen[c.studyId] = true;
            var old = existing[c.studyId];
            ordered.push(old && old.getAttribute('data-raised-at') === String(c.raisedAt) ? old : card(c));
        });
        cards().forEach(function (node) {
            if (ordered.indexOf(node) < 0) {
                node.remove();
            }
        });
        ordered.forEach(function (node) {
            grid.appendChild(node);
        });
        var placeholder = document.getElementById('cases-empty');
        if (placeholder) {
            placeholder.remove();
        }
        afterCasesChanged();
    }

    /** A newly alerted case from the event stream: first in the grid, replacing an older card of that study. */
    function liveCase(c) {
        if (!c || !c.studyId) {
            return;
        }
        var old = findCard(c.studyId);
        if (old) {
            old.remove();
        }
        var node = card(c);
        node.setAttribute('data-live', 'true');
        grid.insertBefore(node, grid.querySelector('article.case'));
        node.classList.add('flash');
        setTimeout(function () {
            node.classList.remove('flash');
        }, 3000);
        cards().slice(MAX_CASES).forEach(function (extra) {
            extra.remove();
        });
        afterCasesChanged();
    }

    // ---------------------------------------------------------------- statistics

    function n0(v) {
        var n = Number(v);
        return isFinite(n) ? n : 0;
    }

    function alertsOf(r) {
        return n0(r.alertsInfo) + n0(r.alertsWarning) + n0(r.alertsCritical);
    }

    /**
     * The 24 hourly windows to show: up to the newest window in the data, or up to the current hour where that is
     * later by less than a day (the windows follow event time, which need not be close to this browser's clock).
     */
    function hourAxis(rows) {
        var newest = -Infinity;
        rows.forEach(function (r) {
            var t = Date.parse(r.windowStart);
            if (!isNaN(t) && t > newest) {
                newest = t;
            }
        });
        var nowHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
        var end = newest === -Infinity ? nowHour : newest;
        if (nowHour > end && nowHour - end < HOURS * HOUR_MS) {
            end = nowHour;
        }
        var hours = [];
        for (var i = HOURS - 1; i >= 0; i--) {
            hours.push(end - i * HOUR_MS);
        }
        return hours;
    }

    function emptyBucket() {
        return { studies: 0, info: 0, warning: 0, critical: 0, high: 0, meanSum: 0, meanWeight: 0, p95: null };
    }

    function add(bucket, r) {
        var studies = n0(r.studies);
        bucket.studies += studies;
        bucket.info += n0(r.alertsInfo);
        bucket.warning += n0(r.alertsWarning);
        bucket.critical += n0(r.alertsCritical);
        bucket.high += n0(r.highUncertaintyStudies);
        if (r.meanVarianceMean !== null && r.meanVarianceMean !== undefined && studies > 0) {
            bucket.meanSum += Number(r.meanVarianceMean) * studies;
            bucket.meanWeight += studies;
        }
        if (r.meanVarianceP95 !== null && r.meanVarianceP95 !== undefined) {
            // Percentiles of different modalities do not add up; the largest is an upper bound for the site.
            var p95 = Number(r.meanVarianceP95);
            bucket.p95 = bucket.p95 === null ? p95 : Math.max(bucket.p95, p95);
        }
    }

    function share(bucket) {
        return bucket.studies > 0 ? bucket.high / bucket.studies : null;
    }

    function meanOf(bucket) {
        return bucket.meanWeight > 0 ? bucket.meanSum / bucket.meanWeight : null;
    }

    function chart(hours, perHour) {
        var W = 300, H = 100, left = 24, right = 6, top = 8, bottom = 20;
        var plotW = W - left - right, plotH = H - top - bottom;
        var max = 0;
        perHour.forEach(function (b) {
            max = Math.max(max, b.info + b.warning + b.critical);
        });
        var scaleMax = Math.max(1, max);
        var slot = plotW / hours.length;
        var barW = Math.max(2, slot * 0.72);
        var root = svg('svg', {
            viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart', role: 'img',
            'aria-label': 'alerts per hour over the last ' + hours.length + ' hours'
        });
        root.appendChild(svg('line', { 'class': 'axis', x1: left, x2: W - right, y1: top + plotH, y2: top + plotH }));
        root.appendChild(svg('text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, String(scaleMax)));
        root.appendChild(svg('text', { x: left - 4, y: top + plotH, 'text-anchor': 'end' }, '0'));
        hours.forEach(function (h, i) {
            var b = perHour[i];
            var x = left + i * slot + (slot - barW) / 2;
            var y = top + plotH;
            var g = svg('g', { 'data-hour': new Date(h).toISOString() });
            g.appendChild(svg('title', {}, hourLabel(h) + '–' + hourLabel(h + HOUR_MS) + ' UTC: '
                + b.studies + ' studies, ' + b.info + ' info, ' + b.warning + ' warning, ' + b.critical + ' critical'));
            var total = b.info + b.warning + b.critical;
            if (total === 0) {
                g.appendChild(svg('rect', { 'class': 'b-none', x: x, y: y - 1, width: barW, height: 1 }));
            }
            [['info', b.info], ['warning', b.warning], ['critical', b.critical]].forEach(function (part) {
                if (part[1] > 0) {
                    var h2 = part[1] / scaleMax * plotH;
                    y -= h2;
                    g.appendChild(svg('rect', { 'class': 'b-' + part[0], x: x, y: y, width: barW, height: h2 }));
                }
            });
            // Invisible full-height target so the tooltip works over empty hours too.
            g.appendChild(svg('rect', { x: left + i * slot, y: top, width: slot, height: plotH, fill: 'transparent' }));
            root.appendChild(g);
            var lastTick = i === hours.length - 1;
            if ((i % 6 === 0 && hours.length - 1 - i >= 4) || lastTick) {
                root.appendChild(svg('text', {
                    x: lastTick ? W - right : left + i * slot + slot / 2, y: H - 5,
                    'text-anchor': lastTick ? 'end' : 'middle'
                }, hourLabel(h)));
            }
        });
        return root;
    }

    function rateTable(total, latest, latestStart) {
        function row(label, a, b, title) {
            return el('tr', null, [el('th', { title: title }, [label]), el('td', { text: a }), el('td', { text: b })]);
        }
        function split(bucket) {
            return bucket.info + ' / ' + bucket.warning + ' / ' + bucket.critical;
        }
        var severities = el('span', null, [
            el('span', { className: 'sev-dot info' }), 'info / ',
            el('span', { className: 'sev-dot warning' }), 'warn. / ',
            el('span', { className: 'sev-dot critical' }), 'crit.'
        ]);
        return el('table', { className: 'rate' }, [
            el('thead', null, [el('tr', null, [
                el('th', { text: '' }),
                el('th', { text: HOURS + ' h' }),
                el('th', {
                    title: 'the latest hourly window with studies',
                    text: latestStart === null ? 'latest hour' : 'hour ' + hourLabel(latestStart)
                })
            ])]),
            el('tbody', null, [
                row('studies', String(total.studies), String(latest.studies)),
                row('alerts', String(total.info + total.warning + total.critical),
                    String(latest.info + latest.warning + latest.critical)),
                row(severities, split(total), split(latest), 'alerts by severity: INFO / WARNING / CRITICAL'),
                row('high-uncertainty share', percent(share(total)), percent(share(latest)),
                    'high-uncertainty studies / studies'),
                row('mean variance, mean', '', num(meanOf(latest)),
                    'mean over the studies of their mean variance, weighted by studies across modalities'),
                row('mean variance, p95', '', num(latest.p95),
                    '95th percentile of the studies\' mean variance; the largest over the site\'s modalities')
            ])
        ]);
    }

    function renderStats(rows) {
        rows = (Array.isArray(rows) ? rows : []).filter(function (r) {
            return r && (!r.window || String(r.window).toUpperCase() === 'HOURLY');
        });
        var hours = hourAxis(rows);
        var first = hours[0], last = hours[hours.length - 1];
        var sites = {};
        rows.forEach(function (r) {
            var t = Date.parse(r.windowStart);
            if (isNaN(t) || t < first || t > last) {
                return;
            }
            var site = r.site || '(unknown site)';
            var s = sites[site] || (sites[site] = { perHour: hours.map(emptyBucket), modalities: {} });
            var index = Math.round((t - first) / HOUR_MS);
            add(s.perHour[index], r);
            if (r.modality) {
                s.modalities[r.modality] = true;
            }
        });
        var names = Object.keys(sites).sort();
        var nodes = names.map(function (name) {
            var s = sites[name];
            var total = emptyBucket();
            s.perHour.forEach(function (b) {
                total.studies += b.studies;
                total.info += b.info;
                total.warning += b.warning;
                total.critical += b.critical;
                total.high += b.high;
            });
            var latestIndex = -1;
            for (var i = s.perHour.length - 1; i >= 0; i--) {
                if (s.perHour[i].studies > 0) {
                    latestIndex = i;
                    break;
                }
            }
            var latest = latestIndex >= 0 ? s.perHour[latestIndex] : emptyBucket();
            var mods = Object.keys(s.modalities).sort().join(', ');
            return el('div', { className: 'site', 'data-site': name }, [
                el('h3', null, [name + ' ', el('span', { className: 'muted', text: mods ? '· ' + mods : '' })]),
                rateTable(total, latest, latestIndex >= 0 ? hours[latestIndex] : null),
                chart(hours, s.perHour)
            ]);
        });
        rates.textContent = '';
        if (!nodes.length) {
            rates.appendChild(el('p', { className: 'empty', text: 'no studies yet' }));
        } else {
            nodes.forEach(function (node) {
                rates.appendChild(node);
            });
        }
        document.getElementById('rates-range').textContent = 'hourly windows ' + dayHour(first) + ' – '
            + dayHour(last + HOUR_MS) + ' UTC, summed over modalities';
    }

    // ---------------------------------------------------------------- loading and live updates

    function getJson(url) {
        return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
            if (!response.ok) {
                throw new Error(url + ': HTTP ' + response.status);
            }
            return response.json();
        });
    }

    function loadFigures() {
        return getJson('/api/figures').then(function (list) {
            figures = list;
        }, function (error) {
            console.warn(error);
        });
    }

    function loadCases() {
        return getJson('/api/cases?limit=' + MAX_CASES).then(function (list) {
            renderCases(list);
            touched();
        }, function (error) {
            console.warn(error);
            if (!cards().length) {
                grid.textContent = '';
                grid.appendChild(el('p', { className: 'empty', id: 'cases-empty', text: 'Cases unavailable: '
                    + error.message }));
            }
        });
    }

    function loadStats() {
        return getJson('/api/stats?window=hourly&hours=' + HOURS).then(function (rows) {
            renderStats(rows);
            touched();
        }, function (error) {
            console.warn(error);
            rates.textContent = '';
            rates.appendChild(el('p', { className: 'empty', text: 'Statistics unavailable: ' + error.message }));
        });
    }

    function setConnection(state, text) {
        connection.textContent = text;
        connection.className = 'conn conn-' + state;
        connection.setAttribute('data-state', state);
    }

    function parse(event) {
        try {
            return JSON.parse(event.data);
        } catch (e) {
            console.warn('unreadable ' + event.type + ' event', e);
            return null;
        }
    }

    var source = null;
    var hadError = false;

    function connect() {
        source = new EventSource('/api/events');
        source.addEventListener('open', function () {
            setConnection('live', 'live');
            if (hadError) {
                // Events sent while disconnected are gone: catch up from the REST endpoints.
                hadError = false;
                loadCases();
                loadStats();
            }
        });
        source.addEventListener('error', function () {
            hadError = true;
            setConnection('reconnecting', 'reconnecting…');
            if (source.readyState === EventSource.CLOSED) {
                // The browser gives up on HTTP errors and wrong content types; keep trying on our own.
                source.close();
                setTimeout(connect, RECONNECT_MS);
            }
        });
        source.addEventListener('case', function (event) {
            var c = parse(event);
            if (c) {
                liveCase(c);
                touched();
            }
        });
        source.addEventListener('stats', function (event) {
            var rows = parse(event);
            if (rows) {
                renderStats(rows);
                touched();
            }
        });
    }

    function settle(promise) {
        return promise.then(function () { return null; }, function () { return null; });
    }

    loadFigures().then(function () {
        return Promise.all([settle(loadCases()), settle(loadStats())]);
    }).then(connect);
})();
