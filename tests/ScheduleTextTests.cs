using Warehouse.Cli.Serve;

namespace Warehouse.Tests;

/// <summary>Cron expressions as the dashboard says them; what cannot be said exactly comes back as the expression.</summary>
public class ScheduleTextTests
{
    [Theory]
    [InlineData("", "按需运行（未排定）")]
    [InlineData("   ", "按需运行（未排定）")]
    [InlineData("*/15 * * * *", "每15分钟")]
    [InlineData("0/15 * * * *", "每15分钟")]
    [InlineData("0 0/15 * * * ?", "每15分钟")]
    [InlineData("0 */5 * * * *", "每5分钟")]
    [InlineData("0,30 * * * *", "每30分钟")]
    [InlineData("* * * * *", "每分钟")]
    [InlineData("0 * * * * ?", "每分钟")]
    [InlineData("0 * * * *", "每小时整点")]
    [InlineData("5 * * * *", "每小时第5分")]
    [InlineData("5/15 * * * *", "每小时第5、20、35、50分")]
    [InlineData("*/45 * * * *", "每小时第0、45分")] // 0 and 45, not every 45 minutes
    [InlineData("0 */2 * * *", "每2小时整点")]
    [InlineData("30 0/6 * * *", "每6小时的第30分")]
    [InlineData("0 8 * * *", "每天 08:00")]
    [InlineData("30 7 * * ?", "每天 07:30")]
    [InlineData("0 0 8 * * ?", "每天 08:00")]
    [InlineData("30 0 8 * * ?", "每天 08:00:30")]
    [InlineData("0 8,17 * * *", "每天 08:00、17:00")]
    [InlineData("0 8 * * 0-6", "每天 08:00")]
    [InlineData("0 8 * * 1-5", "每周一至周五 08:00")]
    [InlineData("0 8 * * 0", "每周日 08:00")]
    [InlineData("0 8 * * 7", "每周日 08:00")]
    [InlineData("0 8 * * 1,3,5", "每周一、周三、周五 08:00")]
    [InlineData("0 9 * * 6,0", "每周六、周日 09:00")]
    [InlineData("0 8 * * MON-FRI", "每周一至周五 08:00")]
    [InlineData("0 0 8 ? * MON-FRI", "每周一至周五 08:00")]
    [InlineData("0 0 8 ? * sun", "每周日 08:00")]
    [InlineData("0 8 1 * *", "每月1日 08:00")]
    [InlineData("0 0 8 1 * ?", "每月1日 08:00")]
    [InlineData("0 8 1,15 * *", "每月1日、15日 08:00")]
    [InlineData("0 8 1-5 * *", "每月1日至5日 08:00")]
    [InlineData("0 8 31 * *", "每月31日 08:00")]
    [InlineData("0 8 1 1,7 *", "每年1月、7月1日 08:00")]
    [InlineData("0 8 1 JAN *", "每年1月1日 08:00")]
    [InlineData("0 8 * 3-5 *", "每年3月至5月每天 08:00")]
    [InlineData("0 0 8 ? * 1-5", "每周一至周五 08:00")] // Hangfire's Cronos numbers weekdays alike with a seconds field
    [InlineData("0 0 8 ? * 2", "每周二 08:00")]
    [InlineData("@hourly", "每小时整点")]
    [InlineData("@daily", "每天 00:00")]
    [InlineData("@weekly", "每周日 00:00")]
    [InlineData("@monthly", "每月1日 00:00")]
    [InlineData("@yearly", "每年1月1日 00:00")]
    public void Common_shapes_read_as_chinese(string cron, string expected) => Assert.Equal(expected, ScheduleText.Describe(cron));

    [Theory]
    [InlineData("*/7 * * * *")]          // 0,7,…,56 then 0: the gap over the hour is 4 minutes, not 7
    [InlineData("0-48/8 * * * *")]       // seven minutes 8 apart, then 12 over the hour
    [InlineData("*/15 * * * * *")]       // every 15 seconds
    [InlineData("15 */15 * * * *")]      // second 15 of every quarter: not said
    [InlineData("0 0 8 1 * ? *")]        // Quartz's 7-field form: Hangfire refuses it at start
    [InlineData("0 0 8 L * ?")]          // last day of the month
    [InlineData("0 0 8 LW * ?")]
    [InlineData("0 0 8 15W * ?")]
    [InlineData("0 0 8 ? * MON#2")]      // second Monday
    [InlineData("0 0 8 ? * FRIL")]
    [InlineData("0 8 5L * *")]
    [InlineData("0 8 1 * 1")]            // day 1 OR Monday in Vixie cron
    [InlineData("0 8 ? * ?")]
    [InlineData("0 8 30 2 *")]           // never comes
    [InlineData("0 8 31 1,4 *")]         // only January has it
    [InlineData("0 8 * 1 1")]
    [InlineData("0 0 8 1 * ? 2027")]     // a year
    [InlineData("* 8 * * *")]            // sixty times
    [InlineData("0 8-18 * * *")]         // eleven times
    [InlineData("*/15 8-18 * * 1-5")]
    [InlineData("0 25 * * *")]           // out of range
    [InlineData("60 8 * * *")]
    [InlineData("0 8 0 * *")]
    [InlineData("0 8 * 13 *")]
    [InlineData("0 8 * * 8")]
    [InlineData("0 18-8 * * *")]
    [InlineData("0 8 * * *  extra fields here")]
    [InlineData("every morning")]
    [InlineData("0 8 * *")]
    [InlineData("H 8 * * *")]
    [InlineData("@every_second")]
    [InlineData("@reboot")]
    [InlineData("0 8 * * */0")]
    public void Shapes_it_cannot_say_exactly_come_back_as_the_expression(string cron)
    {
        Assert.False(ScheduleText.TryDescribe(cron, out _), cron);
        Assert.Equal(cron.Trim(), ScheduleText.Describe(cron));
    }
}
