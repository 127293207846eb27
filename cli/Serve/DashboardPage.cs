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
 body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; background: #f5f6f8; color: #222; }
 header { background: #1f3b5a; color: #fff; padding: 14px 24px; } header h1 { margin: 0; font-size: 22px; }
 main { padding: 16px 24px; display: grid; gap: 16px; }
 section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
 h2 { font-size: 17px; margin: 4px 0 10px; }
 table { border-collapse: collapse; width: 100%; font-size: 14px; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
 th { background: #f0f3f7; } .succeeded { color: #1a7f37; font-weight: bold; } .failed { color: #b42318; font-weight: bold; } .running, .partial { color: #9a6700; font-weight: bold; } .skipped { color: #777; }
 .interrupted { color: #8e3b00; font-weight: bold; text-decoration: line-through; }
 button { background: #2166ac; color: #fff; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; } button:disabled { background: #999; }
 #msg { color: #555; min-height: 1.2em; } .muted { color: #777; font-size: 13px; }
 .scroll { overflow-x: auto; } /* on a phone a wide table scrolls inside its card, the page does not */
 main { grid-template-columns: minmax(0, 1fr); } section { min-width: 0; } button, th { white-space: nowrap; }
 @media (max-width: 600px) { main { padding: 8px; } section { padding: 8px; } table { font-size: 13px; } th, td { padding: 4px; } }
</style>
</head>
<body>
<header><h1>知识产权数据仓库 · 调度与入库 <span class="muted" style="color:#cfd8e3">Warehouse scheduler</span></h1></header>
<main>
<section><h2>作业 Jobs</h2><div class="scroll"><table id="jobs"><thead><tr><th>作业</th><th>上次状态</th><th>下次运行</th><th>上次运行</th><th>计划 (cron, 北京时间)</th></tr></thead><tbody></tbody></table></div><div id="msg"></div></section>
<section><h2>上传统计文件到收件箱 Upload to inbox</h2>
 <form id="upload"><input type="file" name="file" accept=".csv,.xlsx,.xls,.txt,.docx" required> <button type="submit">上传</button></form>
 <div class="muted">文件放入收件箱，下一次“导入”作业（或点击“立即运行”）时入库；成功的移到 processed/，失败的移到 failed/ 并附错误说明。</div></section>
<section><h2>最近批次 Recent batches</h2><div class="scroll"><table id="batches"><thead><tr><th>#</th><th>作业</th><th>触发</th><th>来源</th><th>开始</th><th>状态</th><th>读</th><th>入库</th><th>拒收</th><th>变更</th><th>错误 / 说明</th></tr></thead><tbody></tbody></table></div></section>
<section><h2>拒收记录 Rejects</h2><div class="scroll"><table id="rejects"><thead><tr><th>批次</th><th>文件</th><th>位置</th><th>原因</th><th>原始内容</th></tr></thead><tbody></tbody></table></div></section>
<section><h2>简报下载 Briefings</h2><div id="briefings"></div></section>
</main>
<script>
const names = { ingest: '导入 ingest', forecast: '预测 forecast', briefing: '简报 briefing' };
// Every time in Beijing time, whatever zone the server or the browser runs in, and said so.
const bj = iso => iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + ' 北京时间' : '';
const esc = s => (s ?? '').toString().replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
// With Warehouse:AccessToken set, the sign-in form's HttpOnly cookie goes with every request; missing or stale: sign in again.
const signIn = r => { if (r.status === 401) location.href = '/signin?return=' + encodeURIComponent(location.pathname); return r; };
const post = async (url, body) => signIn(await fetch(url, { method: 'POST', body }));
const get = async url => (await signIn(await fetch(url))).json();
async function load() {
  const jobs = await get('/api/jobs');
  document.querySelector('#jobs tbody').innerHTML = jobs.map(j => `<tr><td>${names[j.name] || j.name}<br><button data-job="${j.name}">立即运行</button></td><td class="${esc(j.lastStatus)}">${esc(j.lastStatus) || '—'} <span class="muted">${esc(j.lastError)}</span></td><td>${esc(bj(j.nextRun)) || '—'}</td><td>${esc(bj(j.lastRun)) || '—'}</td><td><code>${esc(j.schedule) || '（按需 / on demand）'}</code></td></tr>`).join('');
  document.querySelectorAll('button[data-job]').forEach(b => b.onclick = async () => {
    b.disabled = true; const r = await post(`/api/jobs/${b.dataset.job}/trigger`);
    document.getElementById('msg').textContent = r.ok ? `已触发 ${names[b.dataset.job]}` : `失败 ${r.status}`; setTimeout(load, 1500);
  });
  const batches = await get('/api/batches?limit=30');
  document.querySelector('#batches tbody').innerHTML = batches.map(b => `<tr><td>${b.batch_id}</td><td>${esc(b.job)}</td><td>${esc(b.trigger)}</td><td>${esc((b.source || '').split('/').pop())}</td><td>${esc(bj(b.started_at))}</td><td class="${b.status}">${b.status}</td><td>${b.rows_read}</td><td>${b.rows_loaded}</td><td>${b.rows_rejected}</td><td>${b.rows_changed}</td><td>${esc(b.error || (['partial', 'skipped'].includes(b.status) || b.job.startsWith('job:') ? b.detail : ''))}</td></tr>`).join('');
  const rejects = await get('/api/rejects?limit=50');
  document.querySelector('#rejects tbody').innerHTML = rejects.map(r => `<tr><td>${r.batch_id}</td><td>${esc(r.file)}</td><td>${esc(r.location)}</td><td>${esc(r.reason)}</td><td class="muted">${esc(r.raw_text).slice(0, 120)}</td></tr>`).join('');
  const briefings = await get('/api/briefings');
  document.getElementById('briefings').innerHTML = briefings.length ? briefings.slice(0, 5).map(b => `<p><b>${esc(b.name)}</b>: ${b.files.map(f => `<a href="${f.url}">${esc(f.name)}</a>`).join('　')}</p>`).join('') : '<span class="muted">尚无简报 / no briefing yet</span>';
}
document.getElementById('upload').onsubmit = async e => {
  e.preventDefault(); const r = await post('/api/inbox', new FormData(e.target));
  document.getElementById('msg').textContent = r.ok ? '已上传到收件箱 / uploaded' : `上传失败 ${r.status}: ${await r.text()}`; load();
};
load(); setInterval(load, 5000);
</script>
</body>
</html>
""";
}
