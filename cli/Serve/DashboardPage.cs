namespace Warehouse.Cli.Serve;

/// <summary>The dashboard: plain HTML with a little JavaScript, nothing loaded from the internet.</summary>
public static class DashboardPage
{
    /// <summary>The page.</summary>
    public const string Html = """
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>知识产权数据仓库 · 调度与入库</title>
<style>
 * { box-sizing: border-box; }
 body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f5f6f8; color: #222; }
 header { background: #1f3b5a; color: #fff; padding: 12px 24px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; }
 header h1 { margin: 0; font-size: 22px; flex: 1 1 auto; } header .en { color: #cfd8e3; font-size: 13px; font-weight: normal; }
 header a { color: #fff; background: rgba(255,255,255,.14); border-radius: 4px; padding: 5px 10px; text-decoration: none;
  white-space: nowrap; }
 header a:hover { background: rgba(255,255,255,.26); }
 main { padding: 16px 24px; display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); }
 section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08); min-width: 0; }
 h2 { font-size: 17px; margin: 4px 0 10px; } h2 .en { color: #777; font-size: 13px; font-weight: normal; }
 table { border-collapse: collapse; width: 100%; font-size: 14px; }
 th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
 td { overflow-wrap: break-word; } th { background: #f0f3f7; white-space: nowrap; font-weight: 600; }
 td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
 td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
 .st { font-weight: bold; white-space: nowrap; } td.nowrap { white-space: nowrap; }
 .code { color: #777; font-size: 12px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: nowrap; }
 .succeeded { color: #1a7f37; } .partial { color: #9a6700; } .failed { color: #b42318; } .interrupted { color: #8e3b00; }
 .running { color: #0a58ca; } .skipped { color: #777; font-weight: normal; }
 .sent { color: #1a7f37; } .uncertain { color: #9a6700; } .sending, .queued { color: #0a58ca; }
 code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; background: #f0f3f7; padding: 0 3px;
  border-radius: 3px; }
 button { background: #2166ac; color: #fff; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; white-space: nowrap;
  font: inherit; font-size: 14px; }
 button:disabled { background: #aab4bf; cursor: default; } button.plain { background: #e6ebf1; color: #1f3b5a; }
 button.plain:disabled { background: #f3f5f8; color: #b3bcc6; }
 .job { width: 100%; display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
 .job b { font-size: 15px; }
 #msg { color: #555; min-height: 1.2em; margin-top: 6px; }
 .muted { color: #777; font-size: 13px; } .err { color: #b42318; font-size: 13px; }
 .pager { display: flex; align-items: center; gap: 10px; margin-top: 8px; } .pager .muted { flex: 1; text-align: center; }
 .phone { display: none; } .scroll { overflow-x: auto; } /* desktop: a wide table scrolls inside its card */
 input[type=file] { max-width: 100%; } .briefing { margin: 6px 0; }
 .briefing a { margin-right: 12px; display: inline-block; max-width: 100%; overflow-wrap: anywhere; }
 /* long errors and notes wrap inside their column instead of widening the table past the screen */
 @media (min-width: 601px) { td.note { min-width: 16em; max-width: 36em; } } td.note { overflow-wrap: anywhere; }
 .briefing details { margin: 2px 0 0 1em; } .briefing summary { cursor: pointer; color: #2166ac; }
 /* Phone: every table becomes a stack of cards with the column name beside each value; the least useful columns go. */
 @media (max-width: 600px) {
  header { padding: 10px 12px; } header h1 { font-size: 18px; } header .en { display: none; }
  main { padding: 8px; gap: 10px; } section { padding: 10px; }
  table.cards thead { display: none; }
  table.cards, table.cards tbody { display: block; width: 100%; }
  /* A card is a two-column grid: short values (half) pair up, long ones take the whole line. */
  table.cards tr { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 12px;
    border: 1px solid #e3e7ee; border-radius: 6px; margin: 0 0 8px; padding: 6px 10px; }
  table.cards td { grid-column: 1 / -1; display: flex; gap: 8px; border: 0; padding: 2px 0; white-space: normal; text-align: left;
    overflow-wrap: anywhere; min-width: 0; }
  table.cards td.half { grid-column: auto; } table.cards td.empty { display: none; }
  table.cards td::before { content: attr(data-label); color: #777; flex: 0 0 2.4em; font-size: 13px; }
  #jobs td::before { flex-basis: 4.6em; } #deliveries td::before { flex-basis: 3.6em; } table.cards tr:last-child { margin-bottom: 0; } .phone { display: inline; }
  table.cards td.lead { border-bottom: 1px solid #eee; padding-bottom: 6px; margin-bottom: 2px; }
  table.cards td.lead::before { content: none; }
  table.cards td > .v { flex: 1 1 auto; min-width: 0; } table.cards .opt { display: none; }
 }
</style>
</head>
<body>
<header><h1>知识产权数据仓库 · 调度与入库 <span class="en">Warehouse scheduler</span></h1><a href="/hangfire">作业详情（Hangfire）</a></header>
<main>
<section><h2>作业 <span class="en">Jobs</span> <span class="en phone">· 时间为北京时间 UTC+8</span></h2>
 <div class="scroll"><table id="jobs" class="cards"><thead><tr><th>作业</th><th>上次状态</th><th>上次运行（北京时间 UTC+8）</th>
  <th>下次运行（北京时间 UTC+8）</th><th>计划</th></tr></thead><tbody></tbody></table></div>
 <div id="msg" role="status"></div></section>
<section><h2>上传统计文件到收件箱 <span class="en">Upload to inbox</span></h2>
 <form id="upload"><input type="file" name="file" accept=".csv,.xlsx,.xls,.txt,.docx" required> <button type="submit">上传</button></form>
 <div class="muted">文件放入收件箱，下一次“导入”作业（或点击“立即运行”）时入库；成功的移到 processed/，失败的移到 failed/ 并附错误说明。</div></section>
<section><h2>最近批次 <span class="en">Recent batches</span> <span class="en phone">· 北京时间 UTC+8</span></h2>
 <div class="scroll"><table id="batches" class="cards"><thead><tr><th>#</th><th>作业</th><th class="opt">触发</th><th>来源</th>
  <th>开始（北京时间 UTC+8）</th><th>用时</th><th>状态</th><th class="opt">读</th><th>入库</th><th>拒收</th><th class="opt">变更</th>
  <th>错误 / 说明</th></tr></thead><tbody></tbody></table></div>
 <div class="pager" id="batches-pager"><button class="plain" data-dir="prev">上一页</button><span class="muted"></span>
  <button class="plain" data-dir="next">下一页</button></div></section>
<section><h2>拒收记录 <span class="en">Rejects</span></h2>
 <div class="scroll"><table id="rejects" class="cards"><thead><tr><th>批次</th><th>位置</th><th>文件</th><th>原因</th><th>原始内容</th></tr></thead>
  <tbody></tbody></table></div>
 <div class="pager" id="rejects-pager"><button class="plain" data-dir="prev">上一页</button><span class="muted"></span>
  <button class="plain" data-dir="next">下一页</button></div></section>
<section><h2>简报下载 <span class="en">Briefings</span></h2><div id="briefings"></div></section>
<section><h2>投递记录 <span class="en">Deliveries</span> <span class="en phone">· 北京时间 UTC+8</span></h2>
 <div class="scroll"><table id="deliveries" class="cards"><thead><tr><th>#</th><th>简报</th><th>渠道</th><th>收件人</th><th>状态</th>
  <th>时间（北京时间 UTC+8）</th><th>说明 / 错误</th><th></th></tr></thead><tbody></tbody></table></div>
 <div class="pager" id="deliveries-pager"><button class="plain" data-dir="prev">上一页</button><span class="muted"></span>
  <button class="plain" data-dir="next">下一页</button></div>
 <div class="muted">每份简报对每个收件人只发一次。“可能已送达”表示发送途中断开：不会自动重发，确认对方没有收到后再点“重发”。</div></section>
</main>
<script>
const names = { ingest: '导入', forecast: '预测', briefing: '简报' };
const states = { succeeded: '成功', partial: '部分成功', failed: '失败', interrupted: '中断', running: '运行中', skipped: '已跳过',
  sent: '已送达', sending: '发送中', uncertain: '可能已送达', queued: '等待重发' };
const channels = { mail: '邮件', wecom: '企业微信', dingtalk: '钉钉', folder: '共享目录' };
const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = s => (s ?? '').toString().replace(/[&<>"']/g, c => entities[c]);
const pad = n => String(n).padStart(2, '0');
// .NET writes seven decimals of a second; Date.parse is only sure of three.
const ms = iso => Date.parse(String(iso).replace(/(\.\d{3})\d+/, '$1'));
// Beijing is UTC+8 all year (no daylight saving), so the page adds 8 hours itself instead of trusting the browser's zone data.
function bj(iso) {
  if (!iso) return '';
  const t = ms(iso);
  if (isNaN(t)) return esc(iso);
  const d = new Date(t + 8 * 3600e3);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function dur(s) {
  if (s == null || isNaN(s)) return '';
  if (s < 1) return '不到1秒';
  s = Math.round(s);
  const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
  return h ? `${h}小时${pad(m)}分${pad(r)}秒` : m ? `${m}分${pad(r)}秒` : `${r}秒`;
}
const took = b => b.status === 'running' ? '已运行 ' + dur((Date.now() - ms(b.started_at)) / 1000) : dur(b.duration_seconds);
const state = s => !s ? '—' : `<span class="st ${states[s] ? s : ''}">${esc(states[s] || s)}</span> <span class="code">${esc(s)}</span>`;
// A table cell that is also a labelled line of a card on a phone (data-label); empty ones are left out of the card.
const cell = (label, html, cls = '') => {
  cls = (cls + (html === '' ? ' empty' : '')).trim();
  return `<td data-label="${esc(label)}"${cls ? ` class="${cls}"` : ''}><span class="v">${html}</span></td>`;
};
// With Warehouse:AccessToken set, the sign-in form's HttpOnly cookie goes with every request; missing or stale: sign in again.
const signIn = r => { if (r.status === 401) location.href = '/signin?return=' + encodeURIComponent(location.pathname); return r; };
const post = async (url, body) => signIn(await fetch(url, { method: 'POST', body }));
const json = async url => { const r = signIn(await fetch(url)); if (!r.ok) throw new Error(`${url}: ${r.status}`); return r.json(); };
const say = text => document.getElementById('msg').textContent = text;

async function loadJobs() {
  const jobs = await json('/api/jobs');
  document.querySelector('#jobs tbody').innerHTML = jobs.map(j => {
    // The latest run, in the shape took() reads a batch.
    const b = j.lastRun ? { status: j.lastStatus, started_at: j.lastRun, duration_seconds: j.lastDurationSeconds } : null;
    const time = b ? `<div class="muted">${b.status === 'running' ? '' : '用时 '}${took(b)}</div>` : '';
    const zone = j.timeZone && j.timeZone !== 'Asia/Shanghai' ? ` <span class="muted">（${esc(j.timeZone)}）</span>` : '';
    const cron = `<code>${esc(j.schedule)}</code>`;
    const plan = !j.schedule ? `<span class="muted">${esc(j.scheduleText)}</span>`
      : j.scheduleText === j.schedule ? cron + zone : `${esc(j.scheduleText)}${zone} ${cron}`;
    const title = `<span><b>${esc(names[j.name] || j.name)}</b> <span class="code">${esc(j.name)}</span></span>`;
    return `<tr><td class="lead"><div class="job">${title}`
      + `<button data-job="${esc(j.name)}">立即运行</button></div></td>`
      + cell('上次状态', state(j.lastStatus) + (j.lastError ? `<div class="err">${esc(j.lastError)}</div>` : ''))
      + cell('上次运行', j.lastRun ? bj(j.lastRun) + time : '—')
      + cell('下次运行', j.nextRun ? bj(j.nextRun) : '<span class="muted">—</span>')
      + cell('计划', plan) + '</tr>';
  }).join('');
  document.querySelectorAll('button[data-job]').forEach(b => b.onclick = async () => {
    b.disabled = true;
    const r = await post(`/api/jobs/${encodeURIComponent(b.dataset.job)}/trigger`);
    say(r.ok ? `已触发 ${names[b.dataset.job] || b.dataset.job}` : `失败 ${r.status}`);
    setTimeout(load, 1500);
  });
}

// Paging by id: "next" asks for rows older than the last one shown, so rows added meanwhile never shift a page.
const pageSize = matchMedia('(max-width: 600px)').matches ? 10 : 25;
function pager(id, url, key, render) {
  const p = { stack: [], before: null, hasNext: false, rows: [] };
  const el = document.getElementById(id + '-pager'), prev = el.querySelector('[data-dir=prev]'), next = el.querySelector('[data-dir=next]');
  p.load = async () => {
    const rows = await json(`${url}?limit=${pageSize + 1}` + (p.before ? `&before=${p.before}` : ''));
    p.hasNext = rows.length > pageSize;
    p.rows = rows.slice(0, pageSize);
    document.querySelector(`#${id} tbody`).innerHTML = p.rows.map(render).join('')
      || `<tr><td class="muted">${p.before ? '没有更早的记录' : '暂无记录 / none yet'}</td></tr>`;
    prev.disabled = p.stack.length === 0;
    next.disabled = !p.hasNext;
    const range = p.rows.length ? `（#${p.rows[0][key]}–#${p.rows[p.rows.length - 1][key]}）` : '';
    el.querySelector('span').textContent = `第 ${p.stack.length + 1} 页${range}`;
  };
  prev.onclick = () => { if (p.stack.length) { p.before = p.stack.pop(); p.load(); } };
  next.onclick = () => { if (p.hasNext) { p.stack.push(p.before); p.before = p.rows[p.rows.length - 1][key]; p.load(); } };
  return p;
}
const batches = pager('batches', '/api/batches', 'batch_id', b => '<tr>'
  + cell('批次', '#' + esc(b.batch_id), 'half') + cell('作业', esc(b.job), 'half') + cell('触发', esc(b.trigger), 'opt')
  + cell('来源', esc((b.source || '').split('/').pop())) + cell('开始', bj(b.started_at), 'time')
  + cell('用时', took(b), 'time half') + cell('状态', state(b.status), 'half') + cell('读', esc(b.rows_read), 'num opt')
  + cell('入库', esc(b.rows_loaded), 'num half') + cell('拒收', esc(b.rows_rejected), 'num half') + cell('变更', esc(b.rows_changed), 'num opt')
  + cell('说明', esc(b.error || (['partial', 'skipped'].includes(b.status) || String(b.job).startsWith('job:') ? b.detail : '')), 'note')
  + '</tr>');
const rejects = pager('rejects', '/api/rejects', 'reject_id', r => {
  const raw = String(r.raw_text ?? ''), shown = raw.length > 120 ? raw.slice(0, 120) + '…' : raw;
  return '<tr>' + cell('批次', '#' + esc(r.batch_id), 'half') + cell('位置', esc(r.location), 'half') + cell('文件', esc(r.file))
    + cell('原因', esc(r.reason)) + cell('原文', `<span class="muted" title="${esc(raw.slice(0, 2000))}">${esc(shown)}</span>`) + '</tr>';
});

const deliveries = pager('deliveries', '/api/deliveries', 'delivery_id', d => '<tr>'
  + cell('#', '#' + esc(d.delivery_id), 'half') + cell('简报', esc(d.briefing), 'half')
  + cell('渠道', esc(channels[d.channel] || d.channel), 'half nowrap') + cell('收件人', esc(d.recipient), 'half') + cell('状态', state(d.state) + (d.state === 'failed' && d.transient ? '<div class="muted">暂时性错误</div>' : ''), 'half')
  + cell('时间', bj(d.finished_at || d.claimed_at), 'time half')
  + cell('说明', esc(d.error || d.detail), 'note')
  + cell('', d.resendable ? `<button data-resend="${esc(d.delivery_id)}">重发</button>` : '', 'half')
  + '</tr>');
document.getElementById('deliveries').onclick = async e => {
  const b = e.target.closest('button[data-resend]');
  if (!b) return;
  b.disabled = true;
  const r = await post(`/api/deliveries/${encodeURIComponent(b.dataset.resend)}/resend`);
  say(r.ok ? `已安排重发 #${b.dataset.resend} / re-send queued` : `重发失败 ${r.status}: ${(await r.json().catch(() => ({}))).error || ''}`);
  setTimeout(load, 1500);
};

async function loadBriefings() {
  const briefings = await json('/api/briefings');
  const link = f => `<a href="${esc(f.url)}">${esc(f.name)}</a>`;
  const open = new Set([...document.querySelectorAll('#briefings details[open]')].map(d => d.dataset.name)); // kept across refreshes
  // The workbook first; the charts (a few dozen PNGs) folded away so the list stays short on a phone.
  document.getElementById('briefings').innerHTML = briefings.slice(0, 5).map(b => {
    const books = b.files.filter(f => !f.name.endsWith('.png')), charts = b.files.filter(f => f.name.endsWith('.png'));
    const folded = !charts.length ? '' : `<details data-name="${esc(b.name)}"${open.has(b.name) ? ' open' : ''}>`
      + `<summary>图表 ${charts.length} 张（PNG）</summary>${charts.map(link).join('')}</details>`;
    const send = b.deliverable ? ` <button class="plain" data-deliver="${esc(b.name)}">投递</button>` : '';
    return `<div class="briefing"><b>${esc(b.name)}</b> ${books.map(link).join('')}${send}${folded}</div>`;
  }).join('') || '<span class="muted">尚无简报 / no briefing yet</span>';
  document.querySelectorAll('button[data-deliver]').forEach(b => b.onclick = async () => {
    b.disabled = true;
    const r = await post(`/api/briefings/${encodeURIComponent(b.dataset.deliver)}/deliver`);
    say(r.ok ? `已安排投递 ${b.dataset.deliver}（已送达的不会重复发送）` : `投递失败 ${r.status}`);
    setTimeout(load, 1500);
  });
}
// Each part loads on its own, so one failing request does not blank the others.
const load = () => Promise.allSettled([loadJobs(), batches.load(), rejects.load(), loadBriefings(), deliveries.load()]);
document.getElementById('upload').onsubmit = async e => {
  e.preventDefault();
  const r = await post('/api/inbox', new FormData(e.target));
  const body = r.ok ? await r.json() : null;
  say(r.ok ? '已上传到收件箱 / uploaded' + (body.replaced?.length ? `；已替换尚未导入的同名文件 ${body.replaced.join('、')}` : '')
    : `上传失败 ${r.status}: ${await r.text()}`);
  load();
};
load(); setInterval(load, 5000);
</script>
</body>
</html>
""";
}
