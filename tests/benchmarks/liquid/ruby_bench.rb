# ruby-liquid side of the benchmark: ruby ruby_bench.rb TEMPLATE DATA.jsonl OUT
ENV['TZ'] = 'UTC'
require 'json'
require 'liquid'
tpl = Liquid::Template.parse(File.read(ARGV[0]), error_mode: :strict)
lines = File.readlines(ARGV[1], chomp: true).reject(&:empty?)
out = +''
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
lines.each { |l| out << tpl.render(JSON.parse(l)) }
t1 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
File.binwrite(ARGV[2], out)
puts "renders=#{lines.length} seconds=#{t1 - t0}"
